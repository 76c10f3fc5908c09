import { Role } from '@sro/common';

/** The kinds of open steps "Meine Aufgaben" lists; stable codes (a filter and the web app use them). */
export const TASK_KINDS = [
  'consultation_schedule',
  'consultation_invite',
  'consultation_release',
  'consultation_recommend',
  'consultation_outcome',
  'jhd_classification',
  'jhd_risk_assessment',
  'jhd_immediate_protection',
  'jhd_help_plan',
  'jhd_help_plan_review',
  'case_follow_up',
  'sozialraum_phase',
  'interview_plan',
  'interview_conduct',
  'agreement_decision',
  'meeting_task',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * Which role may complete each kind: the role the completing route demands (scheduling, inviting and
 * the outcome are the case team's, `POST /consultations/:id/schedule` is for caseworkers; planning an
 * interview is the coordinator's; conducting it the interviewer's, a coordinator or caseworker).
 */
export const TASK_ROLES: Readonly<Record<TaskKind, readonly Role[]>> = {
  consultation_schedule: [Role.Caseworker],
  consultation_invite: [Role.Caseworker],
  consultation_release: [Role.Caseworker],
  consultation_recommend: [Role.Adviser],
  consultation_outcome: [Role.Caseworker],
  jhd_classification: [Role.Caseworker],
  jhd_risk_assessment: [Role.Caseworker],
  jhd_immediate_protection: [Role.Caseworker],
  jhd_help_plan: [Role.Caseworker],
  jhd_help_plan_review: [Role.Caseworker],
  case_follow_up: [Role.Caseworker],
  sozialraum_phase: [Role.Coordinator],
  interview_plan: [Role.Coordinator],
  interview_conduct: [Role.Coordinator, Role.Caseworker],
  agreement_decision: [Role.Approver],
  // A task from a committee's minutes goes to a staff member of the committee, whatever their role.
  meeting_task: [Role.Coordinator, Role.Caseworker, Role.Lead, Role.Admin],
};

/** What the task is about; for cases the pseudonym only. */
export interface TaskSubject {
  type: 'case' | 'sozialraum-process' | 'contract-partner' | 'cooperation-agreement' | 'meeting';
  id: string;
  label: string;
}

/** One open step waiting for the caller. */
export interface Task {
  /** `<kind>:<id of the thing>`: stable while the step is open. */
  id: string;
  kind: TaskKind;
  title: string;
  dueAt: string | null;
  overdue: boolean;
  subject: TaskSubject;
  /** The page of the web app that completes it. */
  link: string;
}

export interface TaskPage {
  items: Task[];
  total: number;
  limit: number;
  offset: number;
}
