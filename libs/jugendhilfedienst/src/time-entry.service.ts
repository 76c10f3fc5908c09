import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseService } from '@sro/cases';
import { DomainError, ErrorCode, FieldProblem, Principal, Role } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import { AssignmentsService } from '@sro/reference-data';
import { TimeKind } from './jugendhilfedienst.types';

export interface NewTimeEntry {
  /** `YYYY-MM-DD`. */
  date: string;
  minutes: number;
  /** `HH:MM`; entries with a start must not overlap. */
  start?: string;
  kind: TimeKind;
  socialSpaceId?: string;
  caseId?: string;
  note?: string;
}

export type ReportGrouping = 'person' | 'team' | 'social_space';

export interface TimeReportRow {
  /** User id, planning region id (the team: Regionalteam) or social space id; null: none recorded. */
  key: string | null;
  label: string;
  caseMinutes: number;
  preventiveMinutes: number;
  otherMinutes: number;
  totalMinutes: number;
  /** Preventive minutes of all minutes (0–1). */
  preventiveShare: number;
  target: number;
  meetsTarget: boolean;
  /** Preventive minutes missing to reach the target with the same total. */
  shortfallMinutes: number;
}

const DAY_MINUTES = 24 * 60;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Staff time in case work, preventive social-space work and other work, and the preventive share against the definition's target. */
@Injectable()
export class TimeEntryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly assignments: AssignmentsService,
    private readonly definitions: DefinitionsService,
  ) {}

  /** Records one entry of the caller; overlapping entries or more than 24 hours a day are refused and nothing is stored. */
  async create(user: Principal, input: NewTimeEntry) {
    const problems: FieldProblem[] = [];
    const start = input.start === undefined ? null : Number(input.start.slice(0, 2)) * 60 + Number(input.start.slice(3, 5));
    if (start !== null && start + input.minutes > DAY_MINUTES) problems.push({ pointer: '/minutes', message: `the entry from ${input.start} runs past midnight; record the next day separately` });
    if (input.date > new Date().toISOString().slice(0, 10)) problems.push({ pointer: '/date', message: 'must not be in the future' });
    let socialSpaceId = input.socialSpaceId ?? null;
    if (input.kind === 'case') {
      if (!input.caseId) problems.push({ pointer: '/caseId', message: 'case time names the case' });
      else {
        const row = await this.cases.visible(user, input.caseId).catch(() => undefined);
        if (!row) problems.push({ pointer: '/caseId', message: 'not one of your cases' });
        else socialSpaceId = row.social_space_id;
      }
      // Details of the case belong in the case file, not in a time sheet.
      if (input.note) problems.push({ pointer: '/note', message: 'case time has no note' });
    } else if (input.caseId) {
      problems.push({ pointer: '/caseId', message: `${input.kind} time is not about a case` });
    }
    if (input.kind === 'preventive') {
      const scope = await this.assignments.of(user.sub);
      if (!input.socialSpaceId) problems.push({ pointer: '/socialSpaceId', message: 'preventive work names its social space' });
      else if (!scope.socialSpaceIds.includes(input.socialSpaceId)) problems.push({ pointer: '/socialSpaceId', message: 'not one of your social spaces' });
    }
    if (problems.length > 0) throw DomainError.invalid('The time entry cannot be recorded', problems);

    return this.dataSource.transaction(async (m) => {
      // One writer per person at a time, so two entries sent together cannot both pass the checks.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`time_entry:${user.sub}`]);
      const day: Array<{ id: string; start_minute: number | null; minutes: number }> = await m.query(
        'SELECT id, start_minute, minutes FROM time_entry WHERE user_id = $1 AND work_date = $2',
        [user.sub, input.date],
      );
      const total = day.reduce((sum, e) => sum + e.minutes, 0) + input.minutes;
      if (total > DAY_MINUTES) {
        throw DomainError.invalid('More than 24 hours on one day', [{ pointer: '/minutes', message: `${input.date} would have ${Math.floor(total / 60)} h ${total % 60} min recorded; a day has 24 hours` }]);
      }
      if (start !== null) {
        const clash = day.find((e) => e.start_minute !== null && e.start_minute < start + input.minutes && start < e.start_minute + e.minutes);
        if (clash) {
          throw DomainError.invalid('The entry overlaps another one', [
            { pointer: '/start', message: `overlaps the entry from ${hhmm(clash.start_minute!)} to ${hhmm(clash.start_minute! + clash.minutes)}` },
          ]);
        }
      }
      const [row] = await m.query(
        `INSERT INTO time_entry (user_id, work_date, start_minute, minutes, kind, social_space_id, case_id, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING id, to_char(work_date, 'YYYY-MM-DD') AS date, start_minute, minutes, kind, social_space_id AS "socialSpaceId", case_id AS "caseId", note`,
        [user.sub, input.date, start, input.minutes, input.kind, socialSpaceId, input.caseId ?? null, input.note ?? null],
      );
      return view(row);
    });
  }

  /** The caller's own entries in a period. */
  async mine(user: Principal, period: { from: string; to: string }) {
    const rows = await this.dataSource.query(
      `SELECT id, to_char(work_date, 'YYYY-MM-DD') AS date, start_minute, minutes, kind, social_space_id AS "socialSpaceId", case_id AS "caseId", note
         FROM time_entry WHERE user_id = $1 AND work_date BETWEEN $2 AND $3 ORDER BY work_date, start_minute NULLS LAST, created_at`,
      [user.sub, period.from, period.to],
    );
    return { items: rows.map(view) };
  }

  async remove(user: Principal, id: string): Promise<void> {
    const rows = await this.dataSource.query('WITH gone AS (DELETE FROM time_entry WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM gone', [id, user.sub]);
    if (rows.length === 0) throw DomainError.notFound('Time entry');
  }

  /**
   * Minutes per kind and the preventive share per person, team (the planning region a person
   * belongs to) or social space, against the definition's target. Caseworkers see themselves;
   * coordinators their planning regions; admins everyone.
   */
  async report(user: Principal, q: { from: string; to: string; groupBy: ReportGrouping }) {
    if (q.to < q.from) throw DomainError.invalid('The period ends before it starts', [{ pointer: '/to', message: 'must not be before from' }]);
    const admin = user.roles.includes(Role.Admin);
    const coordinator = user.roles.includes(Role.Coordinator);
    if (!admin && !coordinator && q.groupBy !== 'person') throw new DomainError(ErrorCode.Forbidden, 'Caseworkers see their own time only');
    const regions = admin || !coordinator ? null : (await this.assignments.of(user.sub)).planningRegionIds;
    const onlyUser = admin || coordinator ? null : user.sub;
    const target = (await this.definitions.published('jugendhilfedienst-case')).spec.preventiveShareTarget;
    const group = {
      person: { key: 'u.id', label: 'u.display_name' },
      team: { key: 'u.planning_region_ids[1]', label: '(SELECT name FROM planning_region WHERE id = u.planning_region_ids[1])' },
      social_space: { key: 's.id', label: 's.name' },
    }[q.groupBy];
    const rows: Array<{ key: string | null; label: string | null; case: number; preventive: number; other: number }> = await this.dataSource.query(
      `SELECT ${group.key}::text AS key, ${group.label} AS label,
              coalesce(sum(e.minutes) FILTER (WHERE e.kind = 'case'), 0)::int AS case,
              coalesce(sum(e.minutes) FILTER (WHERE e.kind = 'preventive'), 0)::int AS preventive,
              coalesce(sum(e.minutes) FILTER (WHERE e.kind = 'other'), 0)::int AS other
         FROM time_entry e JOIN app_user u ON u.id = e.user_id LEFT JOIN social_space s ON s.id = e.social_space_id
        WHERE e.work_date BETWEEN $1 AND $2
          AND ($3::text IS NULL OR e.user_id = $3)
          AND ($4::uuid[] IS NULL OR s.planning_region_id = ANY($4) OR u.planning_region_ids && $4)
        GROUP BY 1, 2 ORDER BY 2 NULLS LAST, 1`,
      [q.from, q.to, onlyUser, regions],
    );
    const items: TimeReportRow[] = rows.map((r) => {
      const total = r.case + r.preventive + r.other;
      const share = total === 0 ? 0 : r.preventive / total;
      return {
        key: r.key,
        label: r.label ?? (q.groupBy === 'social_space' ? 'ohne Sozialraum' : 'ohne Zuordnung'),
        caseMinutes: r.case,
        preventiveMinutes: r.preventive,
        otherMinutes: r.other,
        totalMinutes: total,
        preventiveShare: Math.round(share * 1000) / 1000,
        target,
        meetsTarget: total > 0 && share >= target,
        shortfallMinutes: Math.max(0, Math.ceil(target * total - r.preventive)),
      };
    });
    return { from: q.from, to: q.to, groupBy: q.groupBy, target, items };
  }
}

function view(row: { id: string; date: string; start_minute: number | null; minutes: number; kind: string; socialSpaceId: string | null; caseId: string | null; note: string | null }) {
  const { start_minute, ...rest } = row;
  return { ...rest, start: start_minute === null ? null : hhmm(start_minute) };
}
