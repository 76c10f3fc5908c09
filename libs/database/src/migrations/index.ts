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
import { AgreementApprovalFollowsParties1764120000000 } from './1764120000000-AgreementApprovalFollowsParties';
import { AgreementApprovedStatus1764121000000 } from './1764121000000-AgreementApprovedStatus';
import { StaffAndTeams1764140000000 } from './1764140000000-StaffAndTeams';
import { StatisticsRole1764170000000 } from './1764170000000-StatisticsRole';

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
  AgreementApprovalFollowsParties1764120000000,
  AgreementApprovedStatus1764121000000,
  StaffAndTeams1764140000000,
  StatisticsRole1764170000000,
];
