import { AgreementDecisionRecord, AgreementVersion, CooperationAgreement } from '@sro/agreements';
import { AuditEvent } from '@sro/audit';
import { WorkflowDefinition } from '@sro/definitions';
import { ProcessEvent, ProcessInstance } from '@sro/processes';
import { Notification, Reminder } from '@sro/reminders';
import { AppUser, ContractPartner, Municipality, PlanningRegion, SocialSpace, Team } from '@sro/reference-data';

/**
 * Every TypeORM entity of the system, assembled here by the apps (API, worker, scripts, tests) so
 * that the database lib does not depend on the domain libs. Both apps share one list: a lib used by
 * either may read any of these tables.
 */
export const ENTITIES = [
  Reminder,
  Notification,
  WorkflowDefinition,
  ProcessInstance,
  ProcessEvent,
  AuditEvent,
  AppUser,
  ContractPartner,
  Municipality,
  PlanningRegion,
  SocialSpace,
  Team,
  CooperationAgreement,
  AgreementVersion,
  AgreementDecisionRecord,
];
