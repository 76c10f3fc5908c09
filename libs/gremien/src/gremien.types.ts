/** The committees of the Gremienlandschaft (seed 004). */
export const COMMITTEE_KINDS = ['sozialraumkonferenz', 'regionalteam', 'fallteam', 'jugendhilfeausschuss'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

/** German names of the committee kinds. */
export const COMMITTEE_KIND_LABELS: Readonly<Record<CommitteeKind, string>> = {
  sozialraumkonferenz: 'Sozialraumkonferenz',
  regionalteam: 'Regionalteam',
  fallteam: 'Fallteam',
  jugendhilfeausschuss: 'Jugendhilfeausschuss',
};

/** A member is a staff user, a named external person or a contract partner (an organisation). */
export const COMMITTEE_MEMBER_KINDS = ['user', 'external', 'contract_partner'] as const;
export type CommitteeMemberKind = (typeof COMMITTEE_MEMBER_KINDS)[number];

/** What an agenda item can refer to (by id): a social-space process, a measure of one, an agreement, an interview cycle's report. */
export const AGENDA_REF_KINDS = ['process', 'measure', 'agreement', 'interview_report'] as const;
export type AgendaRefKind = (typeof AGENDA_REF_KINDS)[number];

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Minutes are written (draft), sent to the members (submitted: their tasks start) and approved at the next meeting. */
export const MINUTES_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export interface Committee {
  id: string;
  kind: CommitteeKind;
  name: string;
  planningRegionId: string | null;
  planningRegionName: string | null;
  socialSpaceId: string | null;
  socialSpaceName: string | null;
  memberCount: number;
  /** The next meeting from now on, if one is planned. */
  nextMeetingAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommitteeMember {
  id: string;
  kind: CommitteeMemberKind;
  userId: string | null;
  contractPartnerId: string | null;
  /** The user's display name, the organisation's name, or the external person's name. */
  name: string;
  organisation: string | null;
  function: string | null;
  addedAt: Date;
}

export interface MeetingSummary {
  id: string;
  committeeId: string;
  startsAt: Date;
  place: string;
  minutesStatus: MinutesStatus | null;
  openTasks: number;
}

export interface CommitteeDetail extends Committee {
  members: CommitteeMember[];
  meetings: MeetingSummary[];
  /** Whether the caller may change the committee, its meetings and minutes (the coordination of its region). */
  canEdit: boolean;
}

export interface AgendaItem {
  title: string;
  ref: { kind: AgendaRefKind; id: string; label: string | null } | null;
}

export interface MinutesTask {
  id: string;
  title: string;
  assigneeId: string;
  assigneeName: string;
  /** `YYYY-MM-DD`. */
  dueOn: string;
  doneAt: Date | null;
  doneBy: string | null;
}

export interface Minutes {
  status: MinutesStatus;
  summary: string;
  decisions: string[];
  tasks: MinutesTask[];
  submittedAt: Date | null;
  submittedBy: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  /** The meeting whose members approved these minutes. */
  approvedInMeetingId: string | null;
}

export interface Meeting {
  id: string;
  committee: { id: string; kind: CommitteeKind; name: string; socialSpaceId: string | null };
  startsAt: Date;
  place: string;
  /** The social-space process (phase 6: regular Sozialraumkonferenzen) this meeting belongs to. */
  sozialraumProcessId: string | null;
  agenda: AgendaItem[];
  attendance: Array<{ memberId: string; status: AttendanceStatus }>;
  minutes: Minutes | null;
  /** The meeting before this one: its minutes are approved here. */
  previousMeeting: { id: string; startsAt: Date; minutesStatus: MinutesStatus | null } | null;
  canEdit: boolean;
}

export interface ProviderNetwork {
  id: string;
  name: string;
  socialSpaceId: string;
  socialSpaceName: string;
  planningRegionId: string;
  leadPartner: { id: string; name: string };
  members: Array<{ id: string; name: string; kind: string }>;
  agreement: { id: string; reference: string; title: string; status: string; validUntil: string | null } | null;
  createdAt: Date;
  updatedAt: Date;
}
