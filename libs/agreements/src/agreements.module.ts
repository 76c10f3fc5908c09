import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { ReferenceDataModule } from '@sro/reference-data';
import { AgreementService } from './agreement.service';

/** Cooperation agreements (API side). */
@Module({
  imports: [DefinitionsModule, ReferenceDataModule],
  providers: [AgreementService],
  exports: [AgreementService],
})
export class AgreementsModule {}
