import { Module } from '@nestjs/common';
import { DefinitionsService } from '@sro/definitions';
import { ReferenceDataModule } from '@sro/reference-data';
import { AgreementService } from './agreement.service';

/** Cooperation agreements (API side). */
@Module({
  imports: [ReferenceDataModule],
  providers: [AgreementService, DefinitionsService],
  exports: [AgreementService],
})
export class AgreementsModule {}
