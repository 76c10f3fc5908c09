import { Module } from '@nestjs/common';
import { DefinitionsService } from '@sro/definitions';
import { ReferenceDataModule } from '@sro/reference-data';
import { CaseService } from './case.service';
import { ConsultationService } from './consultation.service';
import { FieldCipher } from './field-cipher';

/** Cases, consents and Fallteam consultations (API side). */
@Module({
  imports: [ReferenceDataModule],
  providers: [CaseService, ConsultationService, FieldCipher, DefinitionsService],
  exports: [CaseService, ConsultationService],
})
export class CasesModule {}
