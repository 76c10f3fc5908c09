import { Foundation1763700000000 } from './1763700000000-Foundation';
import { DefinitionsAndProcesses1763710000000 } from './1763710000000-DefinitionsAndProcesses';
import { Reminders1763720000000 } from './1763720000000-Reminders';
import { SocialSpaceBudget1763730000000 } from './1763730000000-SocialSpaceBudget';
import { CasesAndConsultations1763740000000 } from './1763740000000-CasesAndConsultations';
import { ContractPartnerContacts1763750000000 } from './1763750000000-ContractPartnerContacts';
import { InterviewCycles1763760000000 } from './1763760000000-InterviewCycles';
import { CooperationAgreements1763770000000 } from './1763770000000-CooperationAgreements';
import { JugendhilfedienstCases1763780000000 } from './1763780000000-JugendhilfedienstCases';
import { EmailOutbox1763790000000 } from './1763790000000-EmailOutbox';
import { BudgetLedger1764100000000 } from './1764100000000-BudgetLedger';
import { FallteamConsentPurposes1764110000000 } from './1764110000000-FallteamConsentPurposes';
import { FallteamPacketWindow1764110000001 } from './1764110000001-FallteamPacketWindow';
import { ConsultationRecommendations1764110000002 } from './1764110000002-ConsultationRecommendations';
import { AgreementApprovalFollowsParties1764120000000 } from './1764120000000-AgreementApprovalFollowsParties';
import { AgreementApprovedStatus1764121000000 } from './1764121000000-AgreementApprovedStatus';
import { InterviewAnswerVersions1764122000000 } from './1764122000000-InterviewAnswerVersions';
import { MunicipalityKind1764123000000 } from './1764123000000-MunicipalityKind';
import { ImmediateProtection1764130000000 } from './1764130000000-ImmediateProtection';
import { CaseFollowUps1764131000000 } from './1764131000000-CaseFollowUps';
import { StaffAndTeams1764140000000 } from './1764140000000-StaffAndTeams';
import { CaseAccess1764150000000 } from './1764150000000-CaseAccess';
import { StatisticsRole1764170000000 } from './1764170000000-StatisticsRole';
import { FallteamRetentionRule1764180000000 } from './1764180000000-FallteamRetentionRule';
import { RetentionByPolicy1764180000500 } from './1764180000500-RetentionByPolicy';
import { CaseNotes1764180001000 } from './1764180001000-CaseNotes';
import { CaseFileEditing1765000000000 } from './1765000000000-CaseFileEditing';
import { CaseDocumentsAndSearch1765100000000 } from './1765100000000-CaseDocumentsAndSearch';
import { SealedFieldsBoundToRows1765200000000 } from './1765200000000-SealedFieldsBoundToRows';
import { TaskIndexes1765500000000 } from './1765500000000-TaskIndexes';
import { CaseClosureIntent1766100000000 } from './1766100000000-CaseClosureIntent';
import { Gremien1766400000000 } from './1766400000000-Gremien';
import { IndicatorsAndSocialIndex1766300000000 } from './1766300000000-IndicatorsAndSocialIndex';
import { MaintainedTasks1766200000000 } from './1766200000000-MaintainedTasks';
import { ContractPartnerExitReason1766700000000 } from './1766700000000-ContractPartnerExitReason';
import { JhdStepAcceptance1766800000000 } from './1766800000000-JhdStepAcceptance';
import { ReadPathIndexes1766900000000 } from './1766900000000-ReadPathIndexes';
import { TaskListOrderIndex1767000000000 } from './1767000000000-TaskListOrderIndex';
import { AgreementDecisionAcceptance1767100000000 } from './1767100000000-AgreementDecisionAcceptance';
import { AgreementVersionAcceptance1767200000000 } from './1767200000000-AgreementVersionAcceptance';

/** Every migration in order; listed explicitly so the same list works from sources and from dist. */
export const MIGRATIONS = [
  Foundation1763700000000,
  DefinitionsAndProcesses1763710000000,
  Reminders1763720000000,
  SocialSpaceBudget1763730000000,
  CasesAndConsultations1763740000000,
  ContractPartnerContacts1763750000000,
  InterviewCycles1763760000000,
  CooperationAgreements1763770000000,
  JugendhilfedienstCases1763780000000,
  EmailOutbox1763790000000,
  BudgetLedger1764100000000,
  FallteamConsentPurposes1764110000000,
  FallteamPacketWindow1764110000001,
  ConsultationRecommendations1764110000002,
  AgreementApprovalFollowsParties1764120000000,
  AgreementApprovedStatus1764121000000,
  InterviewAnswerVersions1764122000000,
  MunicipalityKind1764123000000,
  ImmediateProtection1764130000000,
  CaseFollowUps1764131000000,
  StaffAndTeams1764140000000,
  CaseAccess1764150000000,
  StatisticsRole1764170000000,
  FallteamRetentionRule1764180000000,
  RetentionByPolicy1764180000500,
  CaseNotes1764180001000,
  CaseFileEditing1765000000000,
  CaseDocumentsAndSearch1765100000000,
  SealedFieldsBoundToRows1765200000000,
  TaskIndexes1765500000000,
  CaseClosureIntent1766100000000,
  Gremien1766400000000,
  IndicatorsAndSocialIndex1766300000000,
  MaintainedTasks1766200000000,
  ContractPartnerExitReason1766700000000,
  JhdStepAcceptance1766800000000,
  ReadPathIndexes1766900000000,
  TaskListOrderIndex1767000000000,
  AgreementDecisionAcceptance1767100000000,
  AgreementVersionAcceptance1767200000000,
];

export { SealedFieldsBoundToRows1765200000000, sealedFieldsMigrationWith } from './1765200000000-SealedFieldsBoundToRows';
