import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, FieldProblem, germanDate, Principal, Role } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { ReminderService } from '@sro/reminders';
import { invalidInput, minutesState, notEditor } from './gremien.errors';
import { CommitteeScope, GremienRepository, MeetingRef } from './gremien.repository';
import {
  AgendaRefKind,
  AttendanceStatus,
  Committee,
  CommitteeDetail,
  CommitteeKind,
  CommitteeMember,
  CommitteeMemberKind,
  Meeting,
  MeetingSummary,
  MinutesTask,
} from './gremien.types';

const COMMITTEE = 'Das Gremium';
const MEETING = 'Die Sitzung';
const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The reminders of one meeting's tasks live under this prefix. */
const reminderKey = (meetingId: string, taskId: string) => `meeting-task/${meetingId}/${taskId}`;

export interface CommitteeInput {
  kind: CommitteeKind;
  name: string;
  planningRegionId?: string;
  socialSpaceId?: string;
}

export interface MemberInput {
  kind: CommitteeMemberKind;
  userId?: string;
  contractPartnerId?: string;
  name?: string;
  organisation?: string;
  function?: string;
}

export interface MeetingInput {
  startsAt: string;
  place: string;
  sozialraumProcessId?: string | null;
  agenda?: Array<{ title: string; refKind?: AgendaRefKind; refId?: string }>;
}

export interface MinutesInput {
  summary: string;
  decisions: string[];
  tasks: Array<{ title: string; assigneeId: string; dueOn: string }>;
}

type Access = 'edit' | 'read' | null;

/**
 * The Gremienlandschaft: committees with members, their meetings (agenda, attendance) and minutes
 * with decisions and tasks. The coordination of a planning region edits its committees (any
 * coordination the district's), leads of the region read, members read their committees. Minutes
 * are drafted, submitted (their tasks then wait in "Meine Aufgaben" with a reminder) and approved at
 * the committee's next meeting.
 */
@Injectable()
export class GremienService {
  constructor(
    private readonly repo: GremienRepository,
    private readonly assignments: AssignmentsService,
    private readonly reminders: ReminderService,
  ) {}

  // --- committees -------------------------------------------------------------------------------

  async list(
    user: Principal,
    filter: { kind?: CommitteeKind; planningRegionId?: string; limit: number; offset: number },
  ): Promise<{ items: Committee[]; total: number; limit: number; offset: number }> {
    const page = await this.repo.listCommittees(await this.scope(user), filter);
    return { ...page, limit: filter.limit, offset: filter.offset };
  }

  async create(user: Principal, input: CommitteeInput): Promise<CommitteeDetail> {
    if (!user.roles.includes(Role.Coordinator)) throw notEditor();
    let planningRegionId: string | null = null;
    let socialSpaceId: string | null = null;
    const problems: FieldProblem[] = [];
    if (input.kind === 'sozialraumkonferenz') {
      const space = input.socialSpaceId ? await this.repo.socialSpace(input.socialSpaceId) : null;
      if (!input.socialSpaceId)
        problems.push({
          pointer: '/socialSpaceId',
          code: 'required',
          message: 'Eine Sozialraumkonferenz gehört zu einem Sozialraum; bitte wählen.',
        });
      else if (!space) problems.push({ pointer: '/socialSpaceId', code: 'unknown-reference', message: 'Diesen Sozialraum gibt es nicht.' });
      else {
        socialSpaceId = space.id;
        planningRegionId = space.planningRegionId;
      }
    } else if (input.kind === 'regionalteam' || input.kind === 'fallteam') {
      if (!input.planningRegionId)
        problems.push({ pointer: '/planningRegionId', code: 'required', message: 'Bitte die Planregion des Gremiums wählen.' });
      else if (!(await this.repo.planningRegionExists(input.planningRegionId)))
        problems.push({ pointer: '/planningRegionId', code: 'unknown-reference', message: 'Diese Planregion gibt es nicht.' });
      else planningRegionId = input.planningRegionId;
    }
    if (problems.length > 0) throw invalidInput('Das Gremium kann so nicht angelegt werden.', problems);
    if (planningRegionId) await this.assertRegion(user, planningRegionId);
    const id = randomUUID();
    await this.repo.insertCommittee({
      id,
      kind: input.kind,
      name: input.name.trim(),
      planningRegionId,
      socialSpaceId,
      createdBy: user.sub,
    });
    return this.get(user, id);
  }

  async get(user: Principal, id: string): Promise<CommitteeDetail> {
    const { committee, access } = await this.visible(user, id);
    return {
      ...committee,
      members: await this.repo.members(id),
      meetings: await this.repo.meetingsOf(id),
      canEdit: access === 'edit',
    };
  }

  async rename(user: Principal, id: string, name: string): Promise<CommitteeDetail> {
    await this.editable(user, id);
    await this.repo.renameCommittee(id, name.trim());
    return this.get(user, id);
  }

  async addMember(user: Principal, committeeId: string, input: MemberInput): Promise<CommitteeMember> {
    await this.editable(user, committeeId);
    const problems: FieldProblem[] = [];
    const member = {
      kind: input.kind,
      userId: null as string | null,
      contractPartnerId: null as string | null,
      name: null as string | null,
      organisation: input.organisation?.trim() || null,
      function: input.function?.trim() || null,
    };
    if (input.kind === 'user') {
      if (!input.userId) problems.push({ pointer: '/userId', code: 'required', message: 'Bitte eine Person aus dem Personal wählen.' });
      else if (!(await this.repo.activeUsers([input.userId])).has(input.userId))
        problems.push({ pointer: '/userId', code: 'unknown-reference', message: 'Diese Person ist nicht bekannt oder nicht aktiv.' });
      else if (await this.repo.isMember(committeeId, input.userId))
        problems.push({ pointer: '/userId', code: 'duplicate', message: 'Diese Person ist bereits Mitglied des Gremiums.' });
      member.userId = input.userId ?? null;
    } else if (input.kind === 'contract_partner') {
      if (!input.contractPartnerId)
        problems.push({ pointer: '/contractPartnerId', code: 'required', message: 'Bitte einen Vertragspartner wählen.' });
      else if (!UUID.test(input.contractPartnerId) || !(await this.repo.contractPartnerExists(input.contractPartnerId)))
        problems.push({ pointer: '/contractPartnerId', code: 'unknown-reference', message: 'Diesen Vertragspartner gibt es nicht.' });
      else if ((await this.repo.members(committeeId)).some((m) => m.contractPartnerId === input.contractPartnerId))
        problems.push({
          pointer: '/contractPartnerId',
          code: 'duplicate',
          message: 'Dieser Vertragspartner ist bereits Mitglied des Gremiums.',
        });
      member.contractPartnerId = input.contractPartnerId ?? null;
    } else {
      if (!input.name?.trim()) problems.push({ pointer: '/name', code: 'required', message: 'Bitte den Namen der Person angeben.' });
      member.name = input.name?.trim() || null;
    }
    if (problems.length > 0) throw invalidInput('Das Mitglied kann so nicht aufgenommen werden.', problems);
    const id = randomUUID();
    await this.repo.insertMember(committeeId, id, member, user.sub);
    return (await this.repo.members(committeeId)).find((m) => m.id === id)!;
  }

  async removeMember(user: Principal, committeeId: string, memberId: string): Promise<{ id: string }> {
    await this.editable(user, committeeId);
    if (!(await this.repo.removeMember(committeeId, memberId))) throw DomainError.notFound('Das Mitglied');
    return { id: memberId };
  }

  // --- meetings ---------------------------------------------------------------------------------

  async createMeeting(user: Principal, committeeId: string, input: MeetingInput): Promise<Meeting> {
    const committee = await this.editable(user, committeeId);
    const { sozialraumProcessId, agenda } = await this.checkMeeting(committee, input);
    const id = randomUUID();
    await this.repo.transaction(async (tx) => {
      await this.repo.insertMeeting({
        id,
        committeeId,
        startsAt: input.startsAt,
        place: input.place.trim(),
        sozialraumProcessId,
        by: user.sub,
      });
      await this.repo.replaceAgenda(tx, id, agenda);
    });
    return this.meeting(user, id);
  }

  async updateMeeting(user: Principal, id: string, input: MeetingInput): Promise<Meeting> {
    const ref = await this.meetingRef(id);
    const committee = await this.editable(user, ref.committeeId, MEETING);
    const { sozialraumProcessId, agenda } = await this.checkMeeting(committee, input);
    await this.repo.transaction(async (tx) => {
      await this.repo.updateMeeting(tx, { id, startsAt: input.startsAt, place: input.place.trim(), sozialraumProcessId });
      if (input.agenda) await this.repo.replaceAgenda(tx, id, agenda);
    });
    return this.meeting(user, id);
  }

  async meeting(user: Principal, id: string): Promise<Meeting> {
    const ref = await this.meetingRef(id);
    const { access } = await this.visible(user, ref.committeeId, MEETING);
    const found = await this.repo.meeting(id);
    if (!found) throw DomainError.notFound(MEETING);
    const previous = await this.repo.previousMeeting(ref);
    return {
      ...found,
      // A draft is the coordination's until it is sent: members read minutes once submitted.
      minutes: found.minutes?.status === 'draft' && access !== 'edit' ? null : found.minutes,
      previousMeeting: previous && { id: previous.id, startsAt: previous.startsAt, minutesStatus: previous.minutesStatus },
      canEdit: access === 'edit',
    };
  }

  /** The meetings linked to a social-space process, for those who may see them (others' committees are left out). */
  async meetingsOfProcess(user: Principal, processId: string): Promise<{ items: Array<MeetingSummary & { committeeName: string }> }> {
    const items = [];
    for (const m of await this.repo.meetingsOfProcess(processId)) if (await this.accessTo(user, m.committeeId)) items.push(m);
    return { items };
  }

  async setAttendance(user: Principal, id: string, entries: Array<{ memberId: string; status: AttendanceStatus }>): Promise<Meeting> {
    const ref = await this.meetingRef(id);
    await this.editable(user, ref.committeeId, MEETING);
    const known = await this.repo.currentMemberIds(
      ref.committeeId,
      entries.map((e) => e.memberId),
    );
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    entries.forEach((e, i) => {
      if (!known.has(e.memberId))
        problems.push({
          pointer: `/entries/${i}/memberId`,
          code: 'not-member',
          message: 'Diese Person oder Organisation ist kein Mitglied des Gremiums.',
        });
      else if (seen.has(e.memberId))
        problems.push({ pointer: `/entries/${i}/memberId`, code: 'duplicate', message: 'Dieses Mitglied steht doppelt in der Liste.' });
      seen.add(e.memberId);
    });
    if (problems.length > 0) throw invalidInput('Die Anwesenheit kann so nicht gespeichert werden.', problems);
    await this.repo.transaction((tx) => this.repo.replaceAttendance(tx, id, entries));
    return this.meeting(user, id);
  }

  // --- minutes ----------------------------------------------------------------------------------

  /** Writes the draft minutes (before they are submitted); the meeting must have begun. */
  async writeMinutes(user: Principal, id: string, input: MinutesInput): Promise<Meeting> {
    const ref = await this.meetingRef(id);
    await this.editable(user, ref.committeeId, MEETING);
    if (ref.minutesStatus === 'submitted' || ref.minutesStatus === 'approved')
      throw minutesState('Das Protokoll ist bereits versandt; es kann nicht mehr geändert werden.');
    if (new Date(ref.startsAt).getTime() > Date.now())
      throw invalidInput('Ein Protokoll gibt es erst, wenn die Sitzung begonnen hat.', [
        {
          pointer: '/summary',
          code: 'meeting-not-begun',
          message: `Die Sitzung beginnt erst am ${germanDate(new Date(ref.startsAt).toISOString())}.`,
        },
      ]);
    const meetingDay = new Date(ref.startsAt).toISOString().slice(0, 10);
    const members = await this.repo.memberUserIds(
      ref.committeeId,
      input.tasks.map((t) => t.assigneeId),
    );
    const problems: FieldProblem[] = [];
    input.tasks.forEach((t, i) => {
      if (!members.has(t.assigneeId))
        problems.push({
          pointer: `/tasks/${i}/assigneeId`,
          code: 'not-member',
          message: 'Aufgaben gehen an Personen, die Mitglied des Gremiums sind; bitte die Person zuerst aufnehmen.',
        });
      if (t.dueOn < meetingDay)
        problems.push({
          pointer: `/tasks/${i}/dueOn`,
          code: 'date.min',
          params: { min: meetingDay },
          message: `Die Frist darf nicht vor der Sitzung (${germanDate(meetingDay)}) liegen.`,
        });
    });
    if (problems.length > 0) throw invalidInput('Das Protokoll kann so nicht gespeichert werden.', problems);
    await this.repo.transaction(async (tx) => {
      const locked = await this.repo.meetingRef(id, tx, true);
      if (locked?.minutesStatus === 'submitted' || locked?.minutesStatus === 'approved')
        throw minutesState('Das Protokoll ist bereits versandt; es kann nicht mehr geändert werden.');
      await this.repo.writeDraftMinutes(tx, id, {
        summary: input.summary.trim(),
        decisions: input.decisions.map((d) => d.trim()),
        tasks: input.tasks.map((t) => ({ id: randomUUID(), title: t.title.trim(), assigneeId: t.assigneeId, dueOn: t.dueOn })),
      });
    });
    return this.meeting(user, id);
  }

  /** Sends the draft to the members: its tasks start, each with a reminder to its assignee on its due date. */
  async submitMinutes(user: Principal, id: string): Promise<Meeting> {
    const ref = await this.meetingRef(id);
    const committee = await this.editable(user, ref.committeeId, MEETING);
    const tasks = await this.repo.transaction(async (tx) => {
      const locked = await this.repo.meetingRef(id, tx, true);
      if (locked?.minutesStatus !== 'draft')
        throw minutesState(
          locked?.minutesStatus
            ? 'Das Protokoll ist bereits versandt.'
            : 'Es gibt noch keinen Protokollentwurf; bitte zuerst das Protokoll schreiben.',
        );
      await this.repo.markSubmitted(tx, id, user.sub);
      return this.repo.tasksOf(id, tx);
    });
    await this.scheduleReminders(committee.name, ref, tasks);
    return this.meeting(user, id);
  }

  /** Approves submitted minutes at the committee's next meeting, once that meeting has begun. */
  async approveMinutes(user: Principal, id: string, atMeetingId: string): Promise<Meeting> {
    const ref = await this.meetingRef(id);
    await this.editable(user, ref.committeeId, MEETING);
    await this.repo.transaction(async (tx) => {
      const locked = (await this.repo.meetingRef(id, tx, true))!;
      if (locked.minutesStatus === 'approved') throw minutesState('Das Protokoll ist bereits genehmigt.');
      if (locked.minutesStatus !== 'submitted')
        throw minutesState('Genehmigt wird ein versandtes Protokoll; bitte das Protokoll zuerst fertigstellen und versenden.');
      const next = await this.repo.nextMeeting(locked, tx);
      if (!next || next.id !== atMeetingId)
        throw invalidInput('Das Protokoll wird in der nächsten Sitzung des Gremiums genehmigt.', [
          {
            pointer: '/atMeetingId',
            code: 'not-next-meeting',
            message: next
              ? `Genehmigen kann nur die nächste Sitzung (am ${germanDate(new Date(next.startsAt).toISOString())}).`
              : 'Es gibt noch keine nächste Sitzung dieses Gremiums; bitte zuerst eine anlegen.',
          },
        ]);
      if (new Date(next.startsAt).getTime() > Date.now())
        throw invalidInput('Die nächste Sitzung hat noch nicht begonnen.', [
          {
            pointer: '/atMeetingId',
            code: 'meeting-not-begun',
            message: `Die Sitzung am ${germanDate(new Date(next.startsAt).toISOString())} hat noch nicht begonnen.`,
          },
        ]);
      await this.repo.markApproved(tx, id, atMeetingId, user.sub);
    });
    return this.meeting(user, id);
  }

  /** The assignee (or the coordination) marks a task done; its reminder is cancelled. */
  async completeTask(user: Principal, taskId: string): Promise<MinutesTask> {
    const task = await this.repo.task(taskId);
    if (!task) throw DomainError.notFound('Die Aufgabe');
    const ref = await this.meetingRef(task.meetingId);
    const access = await this.accessTo(user, ref.committeeId);
    if (!access) throw DomainError.notFound('Die Aufgabe');
    if (ref.minutesStatus !== 'submitted' && ref.minutesStatus !== 'approved')
      throw minutesState('Die Aufgabe gilt erst, wenn das Protokoll versandt ist.');
    if (access !== 'edit' && task.assigneeId !== user.sub)
      throw new DomainError(ErrorCode.Forbidden, 'Eine Aufgabe erledigt die Person, der sie übertragen ist, oder die Koordination.');
    if (!(await this.repo.markTaskDone(taskId, user.sub))) throw DomainError.conflict('Die Aufgabe ist bereits erledigt; nichts geändert.');
    await this.reminders.cancel(reminderKey(task.meetingId, taskId));
    return (await this.repo.task(taskId))!;
  }

  // --- rules ------------------------------------------------------------------------------------

  private async scheduleReminders(committeeName: string, ref: MeetingRef, tasks: MinutesTask[]): Promise<void> {
    const meetingDay = germanDate(new Date(ref.startsAt).toISOString());
    // The context names the committee and the meeting's date, not the task's words (they may name people).
    await this.reminders.scheduleMany(
      tasks.map((t) => ({
        key: reminderKey(ref.id, t.id),
        dueAt: `${t.dueOn}T00:00:00.000Z`,
        recipients: [{ type: 'user' as const, id: t.assigneeId }],
        template: 'meeting-task-due',
        context: {
          subjectTitle: `${committeeName}, Sitzung am ${meetingDay}`,
          dueAt: `${t.dueOn}T00:00:00.000Z`,
          link: `/gremien/sitzungen/${ref.id}`,
        },
      })),
    );
  }

  private async checkMeeting(
    committee: Committee,
    input: MeetingInput,
  ): Promise<{
    sozialraumProcessId: string | null;
    agenda: Array<{ title: string; refKind: AgendaRefKind | null; refId: string | null }>;
  }> {
    const problems: FieldProblem[] = [];
    let sozialraumProcessId: string | null = null;
    if (input.sozialraumProcessId) {
      const process = await this.repo.sozialraumProcess(input.sozialraumProcessId);
      if (committee.kind !== 'sozialraumkonferenz')
        problems.push({
          pointer: '/sozialraumProcessId',
          code: 'not-sozialraumkonferenz',
          message: 'Nur Sitzungen einer Sozialraumkonferenz gehören zu einem Sozialraumprozess.',
        });
      else if (!process || process.socialSpaceId !== committee.socialSpaceId)
        problems.push({
          pointer: '/sozialraumProcessId',
          code: 'process-not-of-space',
          message: 'Bitte den Sozialraumprozess des Sozialraums dieser Konferenz wählen.',
        });
      else sozialraumProcessId = process.id;
    }
    const agenda = [];
    for (const [i, item] of (input.agenda ?? []).entries()) {
      const at = `/agenda/${i}`;
      if (!item.refKind && !item.refId) {
        agenda.push({ title: item.title.trim(), refKind: null, refId: null });
        continue;
      }
      if (!item.refKind || !item.refId) {
        problems.push({
          pointer: `${at}/${item.refKind ? 'refId' : 'refKind'}`,
          code: 'required',
          message: 'Ein Verweis braucht seine Art und seine Kennung.',
        });
        continue;
      }
      if (!(await this.refExists(item.refKind, item.refId)))
        problems.push({
          pointer: `${at}/refId`,
          code: 'unknown-reference',
          params: { kind: item.refKind },
          message: REF_MISSING[item.refKind],
        });
      agenda.push({ title: item.title.trim(), refKind: item.refKind, refId: item.refId });
    }
    if (problems.length > 0) throw invalidInput('Die Sitzung kann so nicht gespeichert werden.', problems);
    return { sozialraumProcessId, agenda };
  }

  private async refExists(kind: AgendaRefKind, id: string): Promise<boolean> {
    switch (kind) {
      case 'process':
        return UUID.test(id) && (await this.repo.sozialraumProcess(id)) !== null;
      case 'measure': {
        const [processId, measureKey] = id.split('/');
        return UUID.test(processId ?? '') && KEY.test(measureKey ?? '') && (await this.repo.sozialraumProcess(processId)) !== null;
      }
      case 'agreement':
        return UUID.test(id) && (await this.repo.agreementExists(id));
      case 'interview_report':
        return UUID.test(id) && (await this.repo.interviewCycleExists(id));
    }
  }

  private async scope(user: Principal): Promise<CommitteeScope> {
    const staff = user.roles.includes(Role.Coordinator) || user.roles.includes(Role.Lead);
    const assigned = staff ? await this.assignments.of(user) : { planningRegionIds: [] };
    return { userId: user.sub, planningRegionIds: assigned.planningRegionIds, district: staff };
  }

  /** edit: the coordination of the committee's region (any coordination for the district's); read: leads of the region and members. */
  private async accessTo(user: Principal, committeeId: string, committee?: Committee): Promise<Access> {
    const c = committee ?? (await this.repo.committee(committeeId));
    if (!c) return null;
    const inRegion = async () =>
      c.planningRegionId === null || (await this.assignments.of(user)).planningRegionIds.includes(c.planningRegionId);
    if (user.roles.includes(Role.Coordinator) && (await inRegion())) return 'edit';
    if (user.roles.includes(Role.Lead) && (await inRegion())) return 'read';
    return (await this.repo.isMember(c.id, user.sub)) ? 'read' : null;
  }

  /** Throws 404 (not 403) for a committee outside the caller's need-to-know. */
  private async visible(user: Principal, id: string, what = COMMITTEE): Promise<{ committee: Committee; access: Exclude<Access, null> }> {
    const committee = await this.repo.committee(id);
    const access = committee ? await this.accessTo(user, id, committee) : null;
    if (!committee || !access) throw DomainError.notFound(what);
    return { committee, access };
  }

  private async editable(user: Principal, id: string, what = COMMITTEE): Promise<Committee> {
    const { committee, access } = await this.visible(user, id, what);
    if (access !== 'edit') throw notEditor();
    return committee;
  }

  private async assertRegion(user: Principal, planningRegionId: string): Promise<void> {
    if (!(await this.assignments.of(user)).planningRegionIds.includes(planningRegionId))
      throw new DomainError(ErrorCode.Forbidden, 'Gremien legt die Koordination der eigenen Planregion an.');
  }

  private async meetingRef(id: string): Promise<MeetingRef> {
    const ref = await this.repo.meetingRef(id);
    if (!ref) throw DomainError.notFound(MEETING);
    return ref;
  }
}

const REF_MISSING: Record<AgendaRefKind, string> = {
  process: 'Diesen Sozialraumprozess gibt es nicht.',
  measure: 'Diese Maßnahme gibt es nicht (Prozesskennung/Maßnahmenschlüssel).',
  agreement: 'Diese Kooperationsvereinbarung gibt es nicht.',
  interview_report: 'Diesen Interviewzyklus gibt es nicht.',
};
