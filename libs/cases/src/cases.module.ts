import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { ReferenceDataModule } from '@sro/reference-data';
import { CaseService } from './case.service';
import { ConsultationService } from './consultation.service';
import { FieldCipher } from './field-cipher';

/** Cases, consents and Fallteam consultations (API side). */
@Module({
  imports: [DefinitionsModule, ReferenceDataModule],
  providers: [CaseService, ConsultationService, FieldCipher],
  exports: [CaseService, ConsultationService],
})
export class CasesModule {}
