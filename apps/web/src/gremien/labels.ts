import type { Schemas } from '../api';

export type Committee = Schemas['CommitteeDto'];
export type CommitteeDetail = Schemas['CommitteeDetailDto'];
export type Meeting = Schemas['MeetingDto'];
export type MinutesStatus = NonNullable<Schemas['MeetingSummaryDto']['minutesStatus']>;

export const KIND_LABELS: Record<Committee['kind'], string> = {
  sozialraumkonferenz: 'Sozialraumkonferenz',
  regionalteam: 'Regionalteam',
  fallteam: 'Fallteam',
  jugendhilfeausschuss: 'Jugendhilfeausschuss',
};

export const MEMBER_KIND_LABELS: Record<Schemas['CommitteeMemberDto']['kind'], string> = {
  user: 'Personal',
  external: 'Externe Person',
  contract_partner: 'Vertragspartner',
};

export const MINUTES_LABELS: Record<MinutesStatus, string> = {
  draft: 'Entwurf',
  submitted: 'Versandt, Genehmigung offen',
  approved: 'Genehmigt',
};

export const ATTENDANCE_LABELS: Record<Schemas['AttendanceEntryResponseDto']['status'], string> = {
  present: 'Anwesend',
  excused: 'Entschuldigt',
  absent: 'Abwesend',
};

/** The state of a social-space process, as its option in the meeting's process list names it. */
export const PROCESS_STATUS_LABELS: Record<string, string> = {
  running: 'läuft',
  paused: 'pausiert',
  completed: 'abgeschlossen',
  cancelled: 'abgebrochen',
};

export const REF_LABELS: Record<Schemas['AgendaRefDto']['kind'], string> = {
  process: 'Sozialraumprozess',
  measure: 'Maßnahme',
  agreement: 'Vereinbarung',
  interview_report: 'Interviewbericht',
};

/** The page of an agenda item's reference. */
export function refLink(ref: Schemas['AgendaRefDto']): string {
  switch (ref.kind) {
    case 'process':
      return `/prozesse/${ref.id}`;
    case 'measure':
      return `/prozesse/${ref.id.split('/')[0]}`;
    case 'agreement':
      return `/vereinbarungen/${ref.id}`;
    case 'interview_report':
      return '/interviews';
  }
}

export const minutesLabel = (status: MinutesStatus | null | undefined) => (status ? MINUTES_LABELS[status] : 'Kein Protokoll');
