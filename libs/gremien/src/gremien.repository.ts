import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AgendaItem,
  AgendaRefKind,
  AttendanceStatus,
  Committee,
  CommitteeKind,
  CommitteeMember,
  CommitteeMemberKind,
  Meeting,
  MeetingSummary,
  Minutes,
  MinutesStatus,
  MinutesTask,
} from './gremien.types';

/** Who may see which committees: the regions the caller coordinates or leads, district committees, and their own memberships. */
export interface CommitteeScope {
  userId: string;
  planningRegionIds: string[];
  /** Coordination and leads see the district's committees (those without a region, e.g. the Jugendhilfeausschuss). */
  district: boolean;
}

/** A committee's placement and the caller's membership, for the access rules. */
export interface CommitteeRef {
  id: string;
  kind: CommitteeKind;
  name: string;
  planningRegionId: string | null;
  socialSpaceId: string | null;
}

/** A meeting with what its rules need. */
export interface MeetingRef {
  id: string;
  committeeId: string;
  startsAt: Date;
  minutesStatus: MinutesStatus | null;
}

export interface NewCommitteeMember {
  kind: CommitteeMemberKind;
  userId: string | null;
  contractPartnerId: string | null;
  name: string | null;
  organisation: string | null;
  function: string | null;
}

const COMMITTEE_COLUMNS = `c.id, c.kind, c.name, c.planning_region_id AS "planningRegionId", r.name AS "planningRegionName",
  c.social_space_id AS "socialSpaceId", s.name AS "socialSpaceName",
  (SELECT count(*)::int FROM committee_member m WHERE m.committee_id = c.id AND m.removed_at IS NULL) AS "memberCount",
  (SELECT min(mt.starts_at) FROM meeting mt WHERE mt.committee_id = c.id AND mt.starts_at >= now()) AS "nextMeetingAt",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;
const COMMITTEE_FROM = `committee c LEFT JOIN planning_region r ON r.id = c.planning_region_id LEFT JOIN social_space s ON s.id = c.social_space_id`;

const VISIBLE = `(c.planning_region_id = ANY($2::uuid[]) OR (c.planning_region_id IS NULL AND $3::boolean)
  OR EXISTS (SELECT 1 FROM committee_member me WHERE me.committee_id = c.id AND me.user_id = $1 AND me.removed_at IS NULL))`;

const MEETING_REF = `SELECT id, committee_id AS "committeeId", starts_at AS "startsAt", minutes_status AS "minutesStatus" FROM meeting WHERE id = $1`;

/** All SQL of the committee, meeting and minutes tables; typed camelCase results. */
@Injectable()
export class GremienRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // --- committees -------------------------------------------------------------------------------

  async listCommittees(
    scope: CommitteeScope,
    filter: { kind?: CommitteeKind; planningRegionId?: string; limit: number; offset: number },
  ): Promise<{ items: Committee[]; total: number }> {
    const rows: Array<Committee & { total: number }> = await this.dataSource.query(
      `SELECT ${COMMITTEE_COLUMNS}, count(*) OVER ()::int AS total FROM ${COMMITTEE_FROM}
        WHERE ${VISIBLE} AND ($4::text IS NULL OR c.kind = $4) AND ($5::uuid IS NULL OR c.planning_region_id = $5)
        ORDER BY c.kind, r.name NULLS FIRST, s.name NULLS FIRST, c.name, c.id LIMIT $6 OFFSET $7`,
      [
        scope.userId,
        scope.planningRegionIds,
        scope.district,
        filter.kind ?? null,
        filter.planningRegionId ?? null,
        filter.limit,
        filter.offset,
      ],
    );
    return { items: rows.map(({ total: _t, ...c }) => c), total: rows[0]?.total ?? 0 };
  }

  async committee(id: string, tx: EntityManager = this.dataSource.manager): Promise<Committee | null> {
    const [row]: Committee[] = await tx.query(`SELECT ${COMMITTEE_COLUMNS} FROM ${COMMITTEE_FROM} WHERE c.id = $1`, [id]);
    return row ?? null;
  }

  async insertCommittee(c: CommitteeRef & { createdBy: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO committee (id, kind, name, planning_region_id, social_space_id, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [c.id, c.kind, c.name, c.planningRegionId, c.socialSpaceId, c.createdBy],
    );
  }

  async renameCommittee(id: string, name: string): Promise<void> {
    await this.dataSource.query(`UPDATE committee SET name = $2, updated_at = now() WHERE id = $1`, [id, name]);
  }

  /** Whether the user is a current member of the committee. */
  async isMember(committeeId: string, userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM committee_member WHERE committee_id = $1 AND user_id = $2 AND removed_at IS NULL`,
      [committeeId, userId],
    );
    return rows.length > 0;
  }

  async members(committeeId: string, tx: EntityManager = this.dataSource.manager): Promise<CommitteeMember[]> {
    return tx.query(
      `SELECT m.id, m.kind, m.user_id AS "userId", m.contract_partner_id AS "contractPartnerId",
              coalesce(u.display_name, p.name, m.name) AS name,
              coalesce(m.organisation, CASE WHEN m.kind = 'user' THEN u.organisation END) AS organisation,
              m.function, m.added_at AS "addedAt"
         FROM committee_member m
         LEFT JOIN app_user u ON u.id = m.user_id
         LEFT JOIN contract_partner p ON p.id = m.contract_partner_id
        WHERE m.committee_id = $1 AND m.removed_at IS NULL
        ORDER BY CASE m.kind WHEN 'user' THEN 0 WHEN 'external' THEN 1 ELSE 2 END, 5, m.id`,
      [committeeId],
    );
  }

  async insertMember(committeeId: string, id: string, m: NewCommitteeMember, by: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO committee_member (id, committee_id, kind, user_id, contract_partner_id, name, organisation, function, added_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, committeeId, m.kind, m.userId, m.contractPartnerId, m.name, m.organisation, m.function, by],
    );
  }

  /** Marks a member removed (attendance of past meetings keeps pointing at the row); false when there is no such current member. */
  async removeMember(committeeId: string, memberId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `WITH gone AS (UPDATE committee_member SET removed_at = now() WHERE committee_id = $1 AND id = $2 AND removed_at IS NULL RETURNING id)
       SELECT id FROM gone`,
      [committeeId, memberId],
    );
    return rows.length > 0;
  }

  // --- reference look-ups -----------------------------------------------------------------------

  async socialSpace(id: string): Promise<{ id: string; name: string; planningRegionId: string } | null> {
    const [row] = await this.dataSource.query(`SELECT id, name, planning_region_id AS "planningRegionId" FROM social_space WHERE id = $1`, [
      id,
    ]);
    return row ?? null;
  }

  async planningRegionExists(id: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM planning_region WHERE id = $1`, [id])).length > 0;
  }

  /** Active users by id, with their roles and assignments (to check who may be a member or an assignee). */
  async activeUsers(ids: string[]): Promise<Map<string, { id: string; roles: string[]; planningRegionIds: string[] }>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; roles: string[]; planningRegionIds: string[] }> = await this.dataSource.query(
      `SELECT id, roles, planning_region_ids::text[] AS "planningRegionIds" FROM app_user WHERE id = ANY($1::text[]) AND active`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async contractPartnerExists(id: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM contract_partner WHERE id = $1`, [id])).length > 0;
  }

  /** The social-space process (sozialraum-development) with this id: its social space, else null. */
  async sozialraumProcess(id: string): Promise<{ id: string; socialSpaceId: string | null; title: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, social_space_id AS "socialSpaceId", coalesce(summary->>'title', '') AS title
         FROM process_instance WHERE id = $1 AND definition_key = 'sozialraum-development'`,
      [id],
    );
    return row ?? null;
  }

  async agreementExists(id: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM cooperation_agreement WHERE id = $1`, [id])).length > 0;
  }

  async interviewCycleExists(id: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM interview_cycle WHERE id = $1`, [id])).length > 0;
  }

  // --- meetings ---------------------------------------------------------------------------------

  async meetingsOf(committeeId: string): Promise<MeetingSummary[]> {
    return this.dataSource.query(
      `SELECT m.id, m.committee_id AS "committeeId", m.starts_at AS "startsAt", m.place, m.minutes_status AS "minutesStatus",
              (SELECT count(*)::int FROM meeting_task t WHERE t.meeting_id = m.id AND t.done_at IS NULL
                  AND m.minutes_status IN ('submitted', 'approved')) AS "openTasks"
         FROM meeting m WHERE m.committee_id = $1 ORDER BY m.starts_at DESC, m.id`,
      [committeeId],
    );
  }

  /** The meetings linked to a social-space process (its Sozialraumkonferenzen of phase 6). */
  async meetingsOfProcess(processId: string): Promise<Array<MeetingSummary & { committeeName: string }>> {
    return this.dataSource.query(
      `SELECT m.id, m.committee_id AS "committeeId", c.name AS "committeeName", m.starts_at AS "startsAt", m.place,
              m.minutes_status AS "minutesStatus",
              (SELECT count(*)::int FROM meeting_task t WHERE t.meeting_id = m.id AND t.done_at IS NULL
                  AND m.minutes_status IN ('submitted', 'approved')) AS "openTasks"
         FROM meeting m JOIN committee c ON c.id = m.committee_id
        WHERE m.sozialraum_process_id = $1 ORDER BY m.starts_at DESC, m.id`,
      [processId],
    );
  }

  async meetingRef(id: string, tx: EntityManager = this.dataSource.manager, lock = false): Promise<MeetingRef | null> {
    const [row] = await tx.query(lock ? `${MEETING_REF} FOR UPDATE` : MEETING_REF, [id]);
    return row ?? null;
  }

  /** The meeting of the same committee right after this one (by start, then id). */
  async nextMeeting(m: MeetingRef, tx: EntityManager = this.dataSource.manager): Promise<MeetingRef | null> {
    const [row] = await tx.query(
      `SELECT id, committee_id AS "committeeId", starts_at AS "startsAt", minutes_status AS "minutesStatus" FROM meeting
        WHERE committee_id = $1 AND (starts_at, id) > ($2::timestamptz, $3::uuid) ORDER BY starts_at, id LIMIT 1`,
      [m.committeeId, m.startsAt, m.id],
    );
    return row ?? null;
  }

  async previousMeeting(m: MeetingRef): Promise<MeetingRef | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, committee_id AS "committeeId", starts_at AS "startsAt", minutes_status AS "minutesStatus" FROM meeting
        WHERE committee_id = $1 AND (starts_at, id) < ($2::timestamptz, $3::uuid) ORDER BY starts_at DESC, id DESC LIMIT 1`,
      [m.committeeId, m.startsAt, m.id],
    );
    return row ?? null;
  }

  async insertMeeting(m: {
    id: string;
    committeeId: string;
    startsAt: string;
    place: string;
    sozialraumProcessId: string | null;
    by: string;
  }) {
    await this.dataSource.query(
      `INSERT INTO meeting (id, committee_id, starts_at, place, sozialraum_process_id, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [m.id, m.committeeId, m.startsAt, m.place, m.sozialraumProcessId, m.by],
    );
  }

  async updateMeeting(tx: EntityManager, m: { id: string; startsAt: string; place: string; sozialraumProcessId: string | null }) {
    await tx.query(`UPDATE meeting SET starts_at = $2, place = $3, sozialraum_process_id = $4, updated_at = now() WHERE id = $1`, [
      m.id,
      m.startsAt,
      m.place,
      m.sozialraumProcessId,
    ]);
  }

  async replaceAgenda(
    tx: EntityManager,
    meetingId: string,
    items: Array<{ title: string; refKind: AgendaRefKind | null; refId: string | null }>,
  ) {
    await tx.query(`DELETE FROM meeting_agenda_item WHERE meeting_id = $1`, [meetingId]);
    for (const [i, item] of items.entries())
      await tx.query(`INSERT INTO meeting_agenda_item (meeting_id, position, title, ref_kind, ref_id) VALUES ($1, $2, $3, $4, $5)`, [
        meetingId,
        i + 1,
        item.title,
        item.refKind,
        item.refId,
      ]);
  }

  async replaceAttendance(tx: EntityManager, meetingId: string, entries: Array<{ memberId: string; status: AttendanceStatus }>) {
    await tx.query(`DELETE FROM meeting_attendance WHERE meeting_id = $1`, [meetingId]);
    for (const e of entries)
      await tx.query(`INSERT INTO meeting_attendance (meeting_id, member_id, status) VALUES ($1, $2, $3)`, [
        meetingId,
        e.memberId,
        e.status,
      ]);
  }

  /** Writes the draft minutes: summary, decisions and tasks replace what the draft had. */
  async writeDraftMinutes(
    tx: EntityManager,
    meetingId: string,
    minutes: { summary: string; decisions: string[]; tasks: Array<{ id: string; title: string; assigneeId: string; dueOn: string }> },
  ): Promise<void> {
    await tx.query(`UPDATE meeting SET minutes_status = 'draft', minutes_summary = $2, updated_at = now() WHERE id = $1`, [
      meetingId,
      minutes.summary,
    ]);
    await tx.query(`DELETE FROM meeting_decision WHERE meeting_id = $1`, [meetingId]);
    for (const [i, text] of minutes.decisions.entries())
      await tx.query(`INSERT INTO meeting_decision (meeting_id, position, text) VALUES ($1, $2, $3)`, [meetingId, i + 1, text]);
    await tx.query(`DELETE FROM meeting_task WHERE meeting_id = $1`, [meetingId]);
    for (const [i, t] of minutes.tasks.entries())
      await tx.query(`INSERT INTO meeting_task (id, meeting_id, position, title, assignee_id, due_on) VALUES ($1, $2, $3, $4, $5, $6)`, [
        t.id,
        meetingId,
        i + 1,
        t.title,
        t.assigneeId,
        t.dueOn,
      ]);
  }

  async markSubmitted(tx: EntityManager, meetingId: string, by: string): Promise<void> {
    await tx.query(
      `UPDATE meeting SET minutes_status = 'submitted', minutes_submitted_at = now(), minutes_submitted_by = $2, updated_at = now() WHERE id = $1`,
      [meetingId, by],
    );
  }

  async markApproved(tx: EntityManager, meetingId: string, atMeetingId: string, by: string): Promise<void> {
    await tx.query(
      `UPDATE meeting SET minutes_status = 'approved', minutes_approved_at = now(), minutes_approved_by = $3, minutes_approved_in = $2,
              updated_at = now() WHERE id = $1`,
      [meetingId, atMeetingId, by],
    );
  }

  async meeting(id: string): Promise<Omit<Meeting, 'previousMeeting' | 'canEdit'> | null> {
    const [row] = await this.dataSource.query(
      `SELECT m.id, m.starts_at AS "startsAt", m.place, m.sozialraum_process_id AS "sozialraumProcessId",
              json_build_object('id', c.id, 'kind', c.kind, 'name', c.name, 'socialSpaceId', c.social_space_id) AS committee,
              m.minutes_status AS "minutesStatus", coalesce(m.minutes_summary, '') AS "minutesSummary",
              m.minutes_submitted_at AS "submittedAt", m.minutes_submitted_by AS "submittedBy",
              m.minutes_approved_at AS "approvedAt", m.minutes_approved_by AS "approvedBy", m.minutes_approved_in AS "approvedInMeetingId"
         FROM meeting m JOIN committee c ON c.id = m.committee_id WHERE m.id = $1`,
      [id],
    );
    if (!row) return null;
    const agenda: Array<{ title: string; refKind: AgendaRefKind | null; refId: string | null; label: string | null }> =
      await this.dataSource.query(
        `SELECT a.title, a.ref_kind AS "refKind", a.ref_id AS "refId",
                CASE a.ref_kind
                  WHEN 'process' THEN (SELECT p.summary->>'title' FROM process_instance p WHERE p.id::text = a.ref_id)
                  WHEN 'measure' THEN (SELECT (p.summary->>'title') || ': ' || split_part(a.ref_id, '/', 2) FROM process_instance p
                                        WHERE p.id::text = split_part(a.ref_id, '/', 1))
                  WHEN 'agreement' THEN (SELECT g.reference || ' ' || g.title FROM cooperation_agreement g WHERE g.id::text = a.ref_id)
                  WHEN 'interview_report' THEN (SELECT 'Interviewzyklus ' || ic.number FROM interview_cycle ic WHERE ic.id::text = a.ref_id)
                END AS label
           FROM meeting_agenda_item a WHERE a.meeting_id = $1 ORDER BY a.position`,
        [id],
      );
    const attendance: Array<{ memberId: string; status: AttendanceStatus }> = await this.dataSource.query(
      `SELECT member_id AS "memberId", status FROM meeting_attendance WHERE meeting_id = $1 ORDER BY member_id`,
      [id],
    );
    let minutes: Minutes | null = null;
    if (row.minutesStatus) {
      const decisions: Array<{ text: string }> = await this.dataSource.query(
        `SELECT text FROM meeting_decision WHERE meeting_id = $1 ORDER BY position`,
        [id],
      );
      minutes = {
        status: row.minutesStatus,
        summary: row.minutesSummary,
        decisions: decisions.map((d) => d.text),
        tasks: await this.tasksOf(id),
        submittedAt: row.submittedAt,
        submittedBy: row.submittedBy,
        approvedAt: row.approvedAt,
        approvedBy: row.approvedBy,
        approvedInMeetingId: row.approvedInMeetingId,
      };
    }
    return {
      id: row.id,
      committee: row.committee,
      startsAt: row.startsAt,
      place: row.place,
      sozialraumProcessId: row.sozialraumProcessId,
      agenda: agenda.map((a): AgendaItem => ({
        title: a.title,
        ref: a.refKind && a.refId ? { kind: a.refKind, id: a.refId, label: a.label } : null,
      })),
      attendance,
      minutes,
    };
  }

  async tasksOf(meetingId: string, tx: EntityManager = this.dataSource.manager): Promise<MinutesTask[]> {
    return tx.query(
      `SELECT t.id, t.title, t.assignee_id AS "assigneeId", coalesce(u.display_name, t.assignee_id) AS "assigneeName",
              to_char(t.due_on, 'YYYY-MM-DD') AS "dueOn", t.done_at AS "doneAt", t.done_by AS "doneBy"
         FROM meeting_task t LEFT JOIN app_user u ON u.id = t.assignee_id WHERE t.meeting_id = $1 ORDER BY t.position`,
      [meetingId],
    );
  }

  async task(id: string): Promise<(MinutesTask & { meetingId: string }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT t.id, t.meeting_id AS "meetingId", t.title, t.assignee_id AS "assigneeId", coalesce(u.display_name, t.assignee_id) AS "assigneeName",
              to_char(t.due_on, 'YYYY-MM-DD') AS "dueOn", t.done_at AS "doneAt", t.done_by AS "doneBy"
         FROM meeting_task t LEFT JOIN app_user u ON u.id = t.assignee_id WHERE t.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Marks an open task done; false when it was done already. */
  async markTaskDone(id: string, by: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `WITH done AS (UPDATE meeting_task SET done_at = now(), done_by = $2 WHERE id = $1 AND done_at IS NULL RETURNING id) SELECT id FROM done`,
      [id, by],
    );
    return rows.length > 0;
  }

  /** Current members (ids) of a committee among the given ids. */
  async currentMemberIds(committeeId: string, ids: string[], tx: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await tx.query(
      `SELECT id FROM committee_member WHERE committee_id = $1 AND removed_at IS NULL AND id::text = ANY($2::text[])`,
      [committeeId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Current user members of a committee among the given user ids. */
  async memberUserIds(committeeId: string, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: Array<{ userId: string }> = await this.dataSource.query(
      `SELECT m.user_id AS "userId" FROM committee_member m JOIN app_user u ON u.id = m.user_id AND u.active
        WHERE m.committee_id = $1 AND m.removed_at IS NULL AND m.user_id = ANY($2::text[])`,
      [committeeId, userIds],
    );
    return new Set(rows.map((r) => r.userId));
  }
}
