import { Injectable } from '@nestjs/common';
import { Principal } from '@sro/common';
import { webPath } from '@sro/reminders';
import { TaskRepository, TaskRow } from './task.repository';
import { Task, TaskKind, TaskPage, TASK_KINDS, TASK_ROLES } from './task.types';

const TITLES: Record<Exclude<TaskKind, 'sozialraum_phase' | 'agreement_decision' | 'meeting_task'>, string> = {
  consultation_schedule: 'Fallteam terminieren',
  consultation_invite: 'Berater einladen',
  consultation_release: 'Paket für die Beratung freigeben',
  consultation_recommend: 'Empfehlung abgeben',
  consultation_outcome: 'Ergebnis dokumentieren',
  jhd_classification: 'Fall einordnen',
  jhd_risk_assessment: '§ 8a-Einschätzung',
  jhd_immediate_protection: 'Sofortschutz veranlassen',
  jhd_help_plan: 'Hilfeplan aufstellen',
  jhd_help_plan_review: 'Hilfeplan überprüfen',
  case_follow_up: 'Wiedervorlage',
  interview_plan: 'Interview planen',
  interview_conduct: 'Interview führen',
};

/** The German title of a step. */
export function taskTitle(row: Pick<TaskRow, 'kind' | 'subjectLabel' | 'detail'>): string {
  if (row.kind === 'sozialraum_phase') {
    const [number, missing, phaseTitle] = (row.detail ?? '||').split('|');
    const head = Number(missing) > 0 ? `Nachweis Phase ${number} einreichen` : `Phase ${number} abschließen`;
    return phaseTitle ? `${head}: ${phaseTitle}` : head;
  }
  if (row.kind === 'meeting_task') return `Aufgabe aus Protokoll: ${row.detail ?? ''}`;
  if (row.kind === 'agreement_decision') return `Entscheidung zur Vereinbarung ${row.subjectLabel}${row.detail ? ` „${row.detail}“` : ''}`;
  return TITLES[row.kind];
}

/** The section of the Jugendhilfedienst page that completes each of its steps. */
const JHD_SECTIONS = {
  jhd_classification: 'einordnung',
  jhd_risk_assessment: 'einschaetzung',
  jhd_immediate_protection: 'sofortschutz',
  jhd_help_plan: 'hilfeplan',
  jhd_help_plan_review: 'ueberpruefung',
} as const;

/** The web page that completes a step (the paths reminders link to, see `webPath`). */
export function taskLink(row: Pick<TaskRow, 'kind' | 'targetId' | 'subjectId' | 'extraId'>): string {
  switch (row.kind) {
    case 'consultation_schedule':
    case 'consultation_invite':
    case 'consultation_recommend':
    case 'consultation_outcome':
      return webPath(`/consultations/${row.targetId}`);
    case 'consultation_release':
      // Preview and release are on the case page (Beratungspakete).
      return webPath(`/cases/${row.subjectId}`);
    case 'sozialraum_phase':
      return webPath(`/sozialraum-processes/${row.subjectId}`);
    case 'interview_plan':
    case 'interview_conduct':
      return webPath(`/interview-cycles/${row.extraId}/interviews/${row.subjectId}`);
    case 'jhd_classification':
    case 'jhd_risk_assessment':
    case 'jhd_immediate_protection':
    case 'jhd_help_plan':
    case 'jhd_help_plan_review':
      // The forms of the Jugendhilfedienst process, each step at its own section.
      return `${webPath(`/cases/${row.subjectId}`)}/jugendhilfedienst#${JHD_SECTIONS[row.kind]}`;
    case 'agreement_decision':
      // The approver decides on the agreement's decision page.
      return `/entscheidungen/${row.subjectId}`;
    case 'meeting_task':
      return `/gremien/sitzungen/${row.subjectId}`;
    default:
      return webPath(`/cases/${row.subjectId}`);
  }
}

/** "Meine Aufgaben": the open steps waiting for the caller, from the read models (never Temporal visibility). */
@Injectable()
export class TaskService {
  constructor(private readonly tasks: TaskRepository) {}

  /** The kinds a caller can be given: by the roles that may complete them. */
  static kindsFor(user: Principal, only?: readonly TaskKind[]): TaskKind[] {
    return TASK_KINDS.filter((k) => TASK_ROLES[k].some((r) => user.roles.includes(r)) && (!only || only.includes(k)));
  }

  async mine(user: Principal, query: { kinds?: readonly TaskKind[]; limit: number; offset: number }): Promise<TaskPage> {
    const { rows, total } = await this.tasks.page(user.sub, TaskService.kindsFor(user, query.kinds), query);
    return {
      items: rows.map((row): Task => ({
        id: `${row.kind}:${row.targetId}`,
        kind: row.kind,
        title: taskTitle(row),
        dueAt: row.dueAt ? new Date(row.dueAt).toISOString() : null,
        overdue: row.overdue,
        subject: { type: row.subjectType, id: row.subjectId, label: row.subjectLabel },
        link: taskLink(row),
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
