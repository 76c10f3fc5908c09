import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TimeKind } from './jugendhilfedienst.types';

/** One recorded time entry. */
export interface TimeEntryRecord {
  id: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Minute of the day the entry starts; null: no start recorded. */
  startMinute: number | null;
  minutes: number;
  kind: TimeKind;
  socialSpaceId: string | null;
  caseId: string | null;
  note: string | null;
}

export type NewTimeEntryRecord = Omit<TimeEntryRecord, 'id'> & { userId: string };

/** What a person already recorded on a day, for the 24-hour and overlap checks. */
export interface RecordedSlot {
  id: string;
  startMinute: number | null;
  minutes: number;
}

export type TimeGrouping = 'person' | 'team' | 'social_space';

/** Minutes per kind of one group (person, team or social space) of a report. */
export interface TimeMinutesByGroup {
  /** User id, planning region id or social space id; null: none recorded. */
  key: string | null;
  label: string | null;
  caseMinutes: number;
  preventiveMinutes: number;
  otherMinutes: number;
}

const ENTRY_COLUMNS = `id, to_char(work_date, 'YYYY-MM-DD') AS date, start_minute AS "startMinute", minutes, kind, social_space_id AS "socialSpaceId", case_id AS "caseId", note`;

/** Staff time entries and their sums. Writes take an optional transaction from {@link transaction}. */
@Injectable()
export class TimeEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one database transaction; it commits when `work` resolves. */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Holds a person's time sheet until the transaction ends: one writer per person at a time. */
  async lockPerson(userId: string, tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`time_entry:${userId}`]);
  }

  async slotsOfDay(userId: string, date: string, tx?: EntityManager): Promise<RecordedSlot[]> {
    return this.db(tx).query('SELECT id, start_minute AS "startMinute", minutes FROM time_entry WHERE user_id = $1 AND work_date = $2', [
      userId,
      date,
    ]);
  }

  async insert(e: NewTimeEntryRecord, tx?: EntityManager): Promise<TimeEntryRecord> {
    const [row]: TimeEntryRecord[] = await this.db(tx).query(
      `INSERT INTO time_entry (user_id, work_date, start_minute, minutes, kind, social_space_id, case_id, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING ${ENTRY_COLUMNS}`,
      [e.userId, e.date, e.startMinute, e.minutes, e.kind, e.socialSpaceId, e.caseId, e.note],
    );
    return row;
  }

  /** A person's entries in a period, by day and start. */
  ofPerson(userId: string, period: { from: string; to: string }): Promise<TimeEntryRecord[]> {
    return this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS}
         FROM time_entry WHERE user_id = $1 AND work_date BETWEEN $2 AND $3 ORDER BY work_date, start_minute NULLS LAST, created_at`,
      [userId, period.from, period.to],
    );
  }

  /** Deletes a person's own entry; false when they have no such entry. */
  async remove(id: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'WITH gone AS (DELETE FROM time_entry WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM gone',
      [id, userId],
    );
    return rows.length > 0;
  }

  /**
   * Minutes per kind in a period, grouped by person, team (the first planning region of the
   * person) or social space; `userId` limits to one person, `planningRegionIds` to regions.
   */
  minutesByGroup(q: {
    from: string;
    to: string;
    groupBy: TimeGrouping;
    userId: string | null;
    planningRegionIds: string[] | null;
    /** Only the members of the teams this lead leads. */
    leadId?: string | null;
  }): Promise<TimeMinutesByGroup[]> {
    const group = {
      person: { key: 'u.id', label: 'u.display_name' },
      team: { key: 'u.planning_region_ids[1]', label: '(SELECT name FROM planning_region WHERE id = u.planning_region_ids[1])' },
      social_space: { key: 's.id', label: 's.name' },
    }[q.groupBy];
    return this.dataSource.query(
      // eslint-disable-next-line no-restricted-syntax -- key and label are fixed fragments chosen from the map above
      `SELECT ${group.key}::text AS key, ${group.label} AS label,
              coalesce(sum(e.minutes) FILTER (WHERE e.kind = 'case'), 0)::int AS "caseMinutes",
              coalesce(sum(e.minutes) FILTER (WHERE e.kind = 'preventive'), 0)::int AS "preventiveMinutes",
              coalesce(sum(e.minutes) FILTER (WHERE e.kind = 'other'), 0)::int AS "otherMinutes"
         FROM time_entry e JOIN app_user u ON u.id = e.user_id LEFT JOIN social_space s ON s.id = e.social_space_id
        WHERE e.work_date BETWEEN $1 AND $2
          AND ($3::text IS NULL OR e.user_id = $3)
          AND ($4::uuid[] IS NULL OR s.planning_region_id = ANY($4) OR u.planning_region_ids && $4)
          AND ($5::text IS NULL OR u.team_id IN (SELECT t.id FROM team t WHERE t.lead_id = $5))
        GROUP BY 1, 2 ORDER BY 2 NULLS LAST, 1`,
      [q.from, q.to, q.userId, q.planningRegionIds, q.leadId ?? null],
    );
  }

  private db(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}
