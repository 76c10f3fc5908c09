import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { ReferenceDataModule } from '@sro/reference-data';
import { AgreementActivities } from './agreement.activities';
import { AgreementRepository } from './agreement.repository';
import { AgreementService } from './agreement.service';

/** The agreements' data and the activities of their workflow: what the worker needs (no Temporal client). */
@Module({
  providers: [AgreementRepository, AgreementActivities],
  exports: [AgreementRepository],
})
export class AgreementActivitiesModule {}

/** Cooperation agreements as the API steers them (AgreementService needs the Temporal client). */
@Module({
  imports: [AgreementActivitiesModule, DefinitionsModule, ReferenceDataModule],
  providers: [AgreementService],
  exports: [AgreementService],
})
export class AgreementsModule {}
