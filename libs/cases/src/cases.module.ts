import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { ReferenceDataModule } from '@sro/reference-data';
import { CaseInputRules } from './case-input.rules';
import { CaseRepository } from './case.repository';
import { CaseService } from './case.service';
import { ConsentRepository } from './consent.repository';
import { ConsultationActivities } from './consultation.activities';
import { ConsultationRepository } from './consultation.repository';
import { ConsultationService } from './consultation.service';
import { FallteamSessionRepository } from './fallteam-session.repository';
import { FieldCipher } from './field-cipher';
import { StaffRepository } from './staff.repository';

const REPOSITORIES = [CaseRepository, ConsentRepository, ConsultationRepository, FallteamSessionRepository, StaffRepository];

/** The case data (repositories, field cipher) and the consultation activities: what the worker needs (no Temporal client). */
@Module({
  providers: [...REPOSITORIES, FieldCipher, ConsultationActivities],
  exports: [...REPOSITORIES, FieldCipher],
})
export class CasesActivitiesModule {}

/** Cases, consents and Fallteam consultations as the API steers them (ConsultationService needs the Temporal client). */
@Module({
  imports: [CasesActivitiesModule, DefinitionsModule, ReferenceDataModule],
  providers: [CaseService, CaseInputRules, ConsultationService],
  exports: [CasesActivitiesModule, CaseService, ConsultationService],
})
export class CasesModule {}
