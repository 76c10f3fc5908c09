import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { ReferenceDataModule } from '@sro/reference-data';
import { CaseInputRules } from './case-input.rules';
import { RemindersModule } from '@sro/reminders';
import { CaseFollowUpRepository } from './case-follow-up.repository';
import { CaseFollowUpService } from './case-follow-up.service';
import { CaseAccessRepository } from './case-access.repository';
import { CaseAccessService } from './case-access.service';
import { CaseRetentionPolicy } from './case-retention.policy';
import { CaseFileService } from './case-file.service';
import { CaseHistoryRepository } from './case-history.repository';
import { CaseRepository } from './case.repository';
import { CaseService } from './case.service';
import { CaseTeamService } from './case-team.service';
import { CaseWorkflowSignals } from './case-workflow.signals';
import { ConsentRepository } from './consent.repository';
import { ConsultationActivities } from './consultation.activities';
import { ConsultationRepository } from './consultation.repository';
import { ConsultationService } from './consultation.service';
import { FallteamSessionRepository } from './fallteam-session.repository';
import { FieldCipher } from './field-cipher';
import { CaseSearchBackfill } from './case-search.backfill';
import { CaseSearchIndex } from './case-search.index';
import { CaseSearchRepository } from './case-search.repository';
import { CaseSearchService } from './case-search.service';
import { DocumentCipher } from './document.cipher';
import { DocumentPurger } from './document.purger';
import { DocumentRepository } from './document.repository';
import { DocumentService } from './document.service';
import { DOCUMENT_STORAGE_PROVIDER } from './document-storage.provider';
import { DocumentStorage } from './document.storage';
import { NoteRepository } from './note.repository';
import { NoteService } from './note.service';
import { PacketReleaseRepository } from './packet-release.repository';
import { PacketReleaseService } from './packet-release.service';
import { StaffRepository } from './staff.repository';

const REPOSITORIES = [
  CaseAccessRepository,
  CaseHistoryRepository,
  CaseRepository,
  ConsentRepository,
  ConsultationRepository,
  DocumentRepository,
  CaseSearchRepository,
  FallteamSessionRepository,
  NoteRepository,
  PacketReleaseRepository,
  StaffRepository,
];

/** The case data (repositories, field cipher) and the consultation activities: what the worker needs (no Temporal client). */
@Module({
  providers: [...REPOSITORIES, FieldCipher, ConsultationActivities, CaseSearchIndex, DOCUMENT_STORAGE_PROVIDER, DocumentPurger],
  exports: [...REPOSITORIES, FieldCipher, CaseSearchIndex, DocumentStorage, DocumentPurger],
})
export class CasesActivitiesModule {}

/** Cases, consents and Fallteam consultations as the API steers them (ConsultationService needs the Temporal client). */
@Module({
  imports: [CasesActivitiesModule, DefinitionsModule, ReferenceDataModule, RemindersModule],
  providers: [
    CaseAccessService,
    CaseService,
    CaseInputRules,
    CaseRetentionPolicy,
    CaseTeamService,
    CaseWorkflowSignals,
    ConsultationService,
    CaseFollowUpRepository,
    CaseFollowUpService,
    NoteService,
    CaseSearchService,
    CaseSearchBackfill,
    DocumentCipher,
    DocumentService,
    CaseFileService,
    PacketReleaseService,
  ],
  exports: [
    CaseFileService,
    PacketReleaseService,
    CasesActivitiesModule,
    CaseAccessService,
    CaseService,
    CaseRetentionPolicy,
    CaseTeamService,
    ConsultationService,
    CaseFollowUpService,
    NoteService,
    CaseSearchService,
    CaseSearchBackfill,
    DocumentService,
  ],
})
export class CasesModule {}
