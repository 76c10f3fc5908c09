import request from 'supertest';
import { Role } from '@sro/common';
import { seedDemoGremien } from '@sro/gremien';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const at = (offsetHours: number) => new Date(Date.now() + offsetHours * 3_600_000).toISOString();

describe('Gremien: committees, meetings, minutes with tasks, approval at the next meeting; Trägerverbünde (HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let coordinator: string;
  let coordinatorPr2: string;
  let caseworker: string;
  let lead: string;
  let spaceId: string;
  let otherSpaceId: string;
  let partnersInSpace: string[];
  let partnerElsewhere: string;
  let committeeId: string;
  const meetings: string[] = [];
  const api = () => request(system.http);

  beforeAll(async () => {
    system = await isolatedSystem('e2e-gremien');
    coordinator = await bearer(Role.Coordinator);
    coordinatorPr2 = await bearer(Role.Coordinator, 'demo-coordinator-pr2');
    caseworker = await bearer(Role.Caseworker);
    lead = await bearer(Role.Lead);
    [{ id: spaceId }, { id: otherSpaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 2`,
    );
    partnersInSpace = (
      await system.db.query(`SELECT contract_partner_id AS id FROM contract_partner_social_space WHERE social_space_id = $1 ORDER BY 1`, [
        spaceId,
      ])
    ).map((r: { id: string }) => r.id);
    [{ id: partnerElsewhere }] = await system.db.query(
      `SELECT id FROM contract_partner WHERE id NOT IN (SELECT contract_partner_id FROM contract_partner_social_space WHERE social_space_id = $1) LIMIT 1`,
      [spaceId],
    );
  });
  afterAll(() => system?.close());

  it('refuses a committee without its social space or with an unknown kind: 400 problems with German messages and codes', async () => {
    const missing = await api()
      .post('/committees')
      .set('Authorization', coordinator)
      .send({ kind: 'sozialraumkonferenz', name: 'SRK ohne Raum' });
    expect(missing.status).toBe(400);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ pointer: '/socialSpaceId', code: 'required', message: expect.stringMatching(/Sozialraum/) }),
    ]);
    const kind = await api().post('/committees').set('Authorization', coordinator).send({ kind: 'stammtisch', name: 'X' });
    expect(kind.status).toBe(400);
    expect(kind.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/kind', code: 'enum' }),
        expect.objectContaining({ pointer: '/name', code: 'length.min' }),
      ]),
    );
  });

  it('lets the coordination of the region create a Sozialraumkonferenz and add staff, external and partner members', async () => {
    const elsewhere = await api()
      .post('/committees')
      .set('Authorization', coordinatorPr2)
      .send({ kind: 'sozialraumkonferenz', name: 'Fremde SRK', socialSpaceId: spaceId });
    expect(elsewhere.status).toBe(403);
    const created = await api()
      .post('/committees')
      .set('Authorization', coordinator)
      .send({ kind: 'sozialraumkonferenz', name: 'Sozialraumkonferenz Test', socialSpaceId: spaceId });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({ kind: 'sozialraumkonferenz', socialSpaceId: spaceId, canEdit: true, members: [], meetings: [] }),
    );
    committeeId = created.body.id;

    for (const body of [
      { kind: 'user', userId: 'demo-coordinator', function: 'Moderation' },
      { kind: 'user', userId: 'demo-caseworker' },
      { kind: 'external', name: 'Erika Beispiel', organisation: 'Grundschule' },
      { kind: 'contract_partner', contractPartnerId: partnersInSpace[0] },
    ]) {
      const res = await api().post(`/committees/${committeeId}/members`).set('Authorization', coordinator).send(body);
      expect(res.status).toBe(201);
    }
    const twice = await api()
      .post(`/committees/${committeeId}/members`)
      .set('Authorization', coordinator)
      .send({ kind: 'user', userId: 'demo-caseworker' });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([expect.objectContaining({ pointer: '/userId', code: 'duplicate' })]);
    const unknown = await api()
      .post(`/committees/${committeeId}/members`)
      .set('Authorization', coordinator)
      .send({ kind: 'user', userId: 'nobody' });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: '/userId', code: 'unknown-reference' })]);
    const noName = await api().post(`/committees/${committeeId}/members`).set('Authorization', coordinator).send({ kind: 'external' });
    expect(noName.body.errors).toEqual([expect.objectContaining({ pointer: '/name', code: 'required' })]);

    const detail = await api().get(`/committees/${committeeId}`).set('Authorization', coordinator);
    expect(detail.body.members.map((m: { kind: string }) => m.kind)).toEqual(['user', 'user', 'external', 'contract_partner']);
  });

  it('shows a committee on need-to-know: members and the region read it, others get 404; only the coordination edits', async () => {
    expect((await api().get(`/committees/${committeeId}`).set('Authorization', coordinatorPr2)).status).toBe(404);
    expect((await api().get('/committees').set('Authorization', coordinatorPr2)).body.items.map((c: { id: string }) => c.id)).not.toContain(
      committeeId,
    );
    const member = await api().get(`/committees/${committeeId}`).set('Authorization', caseworker);
    expect(member.status).toBe(200);
    expect(member.body.canEdit).toBe(false);
    expect((await api().get(`/committees/${committeeId}`).set('Authorization', lead)).status).toBe(200);
    const stranger = await bearer(Role.Caseworker, 'demo-caseworker-pr1-2');
    expect((await api().get(`/committees/${committeeId}`).set('Authorization', stranger)).status).toBe(404);
    // A member who is not coordination cannot rename it (the route is the coordination's).
    expect((await api().put(`/committees/${committeeId}`).set('Authorization', caseworker).send({ name: 'Umbenannt' })).status).toBe(403);
    const rows = await system.db.query(
      `SELECT outcome FROM audit_event WHERE resource_type = 'committee' AND resource_id = $1 AND action = 'read' ORDER BY id`,
      [committeeId],
    );
    expect(rows.map((r: { outcome: string }) => r.outcome)).toEqual(expect.arrayContaining(['allowed', 'denied']));
  });

  it('plans meetings with an agenda whose references must exist', async () => {
    const bad = await api()
      .post(`/committees/${committeeId}/meetings`)
      .set('Authorization', coordinator)
      .send({
        startsAt: at(-48),
        place: 'Rathaus',
        agenda: [
          { title: 'Vereinbarung', refKind: 'agreement', refId: '00000000-0000-4000-8000-000000000000' },
          { title: 'Ohne Art', refId: 'x' },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ pointer: '/agenda/0/refId', code: 'unknown-reference' }),
      expect.objectContaining({ pointer: '/agenda/1/refKind', code: 'required' }),
    ]);
    for (const [hours, place] of [
      [-48, 'Rathaus, Raum 1'],
      [-1, 'Rathaus, Raum 2'],
      [24 * 20, 'Rathaus, Raum 3'],
    ] as const) {
      const res = await api()
        .post(`/committees/${committeeId}/meetings`)
        .set('Authorization', coordinator)
        .send({ startsAt: at(hours), place, agenda: [{ title: 'Begrüßung' }, { title: 'Stand der Maßnahmen' }] });
      expect(res.status).toBe(201);
      meetings.push(res.body.id);
    }
    const first = await api().get(`/meetings/${meetings[0]}`).set('Authorization', caseworker);
    expect(first.status).toBe(200);
    expect(first.body).toEqual(expect.objectContaining({ place: 'Rathaus, Raum 1', minutes: null, previousMeeting: null, canEdit: false }));
    expect(first.body.agenda).toEqual([
      { title: 'Begrüßung', ref: null },
      { title: 'Stand der Maßnahmen', ref: null },
    ]);
    expect((await api().get(`/meetings/${meetings[0]}`).set('Authorization', coordinatorPr2)).status).toBe(404);
  });

  it('records attendance of members only', async () => {
    const detail = await api().get(`/committees/${committeeId}`).set('Authorization', coordinator);
    const memberIds: string[] = detail.body.members.map((m: { id: string }) => m.id);
    const bad = await api()
      .put(`/meetings/${meetings[0]}/attendance`)
      .set('Authorization', coordinator)
      .send({ entries: [{ memberId: '00000000-0000-4000-8000-000000000000', status: 'present' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/entries/0/memberId', code: 'not-member' })]);
    const ok = await api()
      .put(`/meetings/${meetings[0]}/attendance`)
      .set('Authorization', coordinator)
      .send({ entries: memberIds.map((memberId, i) => ({ memberId, status: i === 2 ? 'excused' : 'present' })) });
    expect(ok.status).toBe(200);
    expect(ok.body.attendance).toHaveLength(memberIds.length);
  });

  it('turns the tasks of submitted minutes into tasks of "Meine Aufgaben" with a reminder; done, they disappear', async () => {
    const future = await api()
      .put(`/meetings/${meetings[2]}/minutes`)
      .set('Authorization', coordinator)
      .send({ summary: 'x', decisions: [], tasks: [] });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ code: 'meeting-not-begun' })]);
    const notMember = await api()
      .put(`/meetings/${meetings[0]}/minutes`)
      .set('Authorization', coordinator)
      .send({ summary: 'Verlauf', decisions: ['Beschluss'], tasks: [{ title: 'Etwas klären', assigneeId: 'demo-lead', dueOn: day(-5) }] });
    expect(notMember.status).toBe(400);
    expect(notMember.body.errors).toEqual([
      expect.objectContaining({ pointer: '/tasks/0/assigneeId', code: 'not-member' }),
      expect.objectContaining({ pointer: '/tasks/0/dueOn', code: 'date.min' }),
    ]);
    const draft = await api()
      .put(`/meetings/${meetings[0]}/minutes`)
      .set('Authorization', coordinator)
      .send({
        summary: 'Verlauf der Sitzung',
        decisions: ['Elterncafé erproben'],
        tasks: [{ title: 'Räume für das Elterncafé klären', assigneeId: 'demo-caseworker', dueOn: day(5) }],
      });
    expect(draft.status).toBe(200);
    expect(draft.body.minutes).toEqual(expect.objectContaining({ status: 'draft', decisions: ['Elterncafé erproben'] }));
    const taskId: string = draft.body.minutes.tasks[0].id;
    // Members read the minutes once they are sent, not the draft.
    expect((await api().get(`/meetings/${meetings[0]}`).set('Authorization', caseworker)).body.minutes).toBeNull();
    const mine = async () =>
      (await api().get('/me/tasks?kind=meeting_task').set('Authorization', caseworker)).body.items as Array<{
        id: string;
        title: string;
        link: string;
        subject: { type: string; id: string };
      }>;
    expect(await mine()).toEqual([]);

    expect((await api().post(`/meetings/${meetings[0]}/minutes/submit`).set('Authorization', caseworker)).status).toBe(403);
    const submitted = await api().post(`/meetings/${meetings[0]}/minutes/submit`).set('Authorization', coordinator);
    expect(submitted.status).toBe(200);
    expect(submitted.body.minutes.status).toBe('submitted');
    expect((await api().post(`/meetings/${meetings[0]}/minutes/submit`).set('Authorization', coordinator)).status).toBe(409);
    expect(
      (
        await api()
          .put(`/meetings/${meetings[0]}/minutes`)
          .set('Authorization', coordinator)
          .send({ summary: 'x', decisions: [], tasks: [] })
      ).status,
    ).toBe(409);

    expect(await mine()).toEqual([
      expect.objectContaining({
        id: `meeting_task:${taskId}`,
        title: 'Aufgabe aus Protokoll: Räume für das Elterncafé klären',
        link: `/gremien/sitzungen/${meetings[0]}`,
        subject: expect.objectContaining({ type: 'meeting', id: meetings[0] }),
      }),
    ]);
    const [reminder] = await system.db.query(`SELECT status, recipients, template, context FROM reminder WHERE key = $1`, [
      `meeting-task/${meetings[0]}/${taskId}`,
    ]);
    expect(reminder).toEqual(
      expect.objectContaining({ status: 'scheduled', template: 'meeting-task-due', recipients: [{ type: 'user', id: 'demo-caseworker' }] }),
    );
    // The reminder names the committee and the date, not the task's words.
    expect(JSON.stringify(reminder.context)).not.toContain('Elterncafé');

    const stranger = await bearer(Role.Caseworker, 'demo-caseworker-pr1-2');
    expect((await api().post(`/meeting-tasks/${taskId}/done`).set('Authorization', stranger)).status).toBe(404);
    const done = await api().post(`/meeting-tasks/${taskId}/done`).set('Authorization', caseworker);
    expect(done.status).toBe(200);
    expect(done.body).toEqual(expect.objectContaining({ id: taskId, doneBy: 'demo-caseworker' }));
    expect(await mine()).toEqual([]);
    expect((await api().post(`/meeting-tasks/${taskId}/done`).set('Authorization', caseworker)).status).toBe(409);
    const [after] = await system.db.query(`SELECT status FROM reminder WHERE key = $1`, [`meeting-task/${meetings[0]}/${taskId}`]);
    expect(after.status).toBe('cancelled');
  });

  it('approves submitted minutes at the next meeting only, once it has begun, and records which meeting approved them', async () => {
    const later = await api()
      .post(`/meetings/${meetings[0]}/minutes/approve`)
      .set('Authorization', coordinator)
      .send({ atMeetingId: meetings[2] });
    expect(later.status).toBe(400);
    expect(later.body.errors).toEqual([expect.objectContaining({ pointer: '/atMeetingId', code: 'not-next-meeting' })]);
    const draftOnly = await api()
      .post(`/meetings/${meetings[1]}/minutes/approve`)
      .set('Authorization', coordinator)
      .send({ atMeetingId: meetings[2] });
    expect(draftOnly.status).toBe(409);
    const approved = await api()
      .post(`/meetings/${meetings[0]}/minutes/approve`)
      .set('Authorization', coordinator)
      .send({ atMeetingId: meetings[1] });
    expect(approved.status).toBe(200);
    expect(approved.body.minutes).toEqual(
      expect.objectContaining({ status: 'approved', approvedInMeetingId: meetings[1], approvedBy: 'demo-coordinator' }),
    );
    expect(
      (await api().post(`/meetings/${meetings[0]}/minutes/approve`).set('Authorization', coordinator).send({ atMeetingId: meetings[1] }))
        .status,
    ).toBe(409);
    const next = await api().get(`/meetings/${meetings[1]}`).set('Authorization', coordinator);
    expect(next.body.previousMeeting).toEqual(expect.objectContaining({ id: meetings[0], minutesStatus: 'approved' }));

    // Minutes of the second meeting, submitted; the third has not begun, so it cannot approve them yet.
    await api()
      .put(`/meetings/${meetings[1]}/minutes`)
      .set('Authorization', coordinator)
      .send({ summary: 'Kurz', decisions: [], tasks: [] });
    await api().post(`/meetings/${meetings[1]}/minutes/submit`).set('Authorization', coordinator);
    const early = await api()
      .post(`/meetings/${meetings[1]}/minutes/approve`)
      .set('Authorization', coordinator)
      .send({ atMeetingId: meetings[2] });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ pointer: '/atMeetingId', code: 'meeting-not-begun' })]);
  });

  it('links a Sozialraumkonferenz to the process of its social space (phase 6) and lists it with the process', async () => {
    const started = await api().post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: spaceId });
    expect(started.status).toBe(201);
    const other = await api().post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: otherSpaceId });
    expect(other.status).toBe(201);
    const wrong = await api()
      .put(`/meetings/${meetings[2]}`)
      .set('Authorization', coordinator)
      .send({ startsAt: at(24 * 20), place: 'Rathaus, Raum 3', sozialraumProcessId: other.body.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ pointer: '/sozialraumProcessId', code: 'process-not-of-space' })]);
    const linked = await api()
      .put(`/meetings/${meetings[2]}`)
      .set('Authorization', coordinator)
      .send({
        startsAt: at(24 * 20),
        place: 'Rathaus, Raum 3',
        sozialraumProcessId: started.body.id,
        agenda: [{ title: 'Umsetzung sichern (Phase 6)', refKind: 'process', refId: started.body.id }],
      });
    expect(linked.status).toBe(200);
    expect(linked.body.sozialraumProcessId).toBe(started.body.id);
    expect(linked.body.agenda[0].ref).toEqual(expect.objectContaining({ kind: 'process', id: started.body.id }));
    const list = await api().get(`/meetings?processId=${started.body.id}`).set('Authorization', coordinator);
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([meetings[2]]);
    expect((await api().get(`/meetings?processId=${started.body.id}`).set('Authorization', coordinatorPr2)).body.items).toEqual([]);
  });

  it('keeps Trägerverbünde of one social space with a lead partner among the members; shows interviews and budget per network', async () => {
    const bad = await api()
      .post('/provider-networks')
      .set('Authorization', coordinator)
      .send({
        name: 'Verbund',
        socialSpaceId: spaceId,
        leadPartnerId: partnerElsewhere,
        memberPartnerIds: [partnersInSpace[0], partnerElsewhere],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/memberPartnerIds/1', code: 'not-in-social-space' })]);
    const noLead = await api()
      .post('/provider-networks')
      .set('Authorization', coordinator)
      .send({ name: 'Verbund', socialSpaceId: spaceId, leadPartnerId: partnersInSpace[1], memberPartnerIds: [partnersInSpace[0]] });
    expect(noLead.body.errors).toEqual([expect.objectContaining({ pointer: '/leadPartnerId', code: 'lead-not-member' })]);
    expect(
      (
        await api()
          .post('/provider-networks')
          .set('Authorization', coordinatorPr2)
          .send({ name: 'Verbund', socialSpaceId: spaceId, leadPartnerId: partnersInSpace[0], memberPartnerIds: partnersInSpace })
      ).status,
    ).toBe(403);
    const created = await api()
      .post('/provider-networks')
      .set('Authorization', coordinator)
      .send({ name: 'Trägerverbund Test', socialSpaceId: spaceId, leadPartnerId: partnersInSpace[0], memberPartnerIds: partnersInSpace });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        socialSpaceId: spaceId,
        leadPartner: expect.objectContaining({ id: partnersInSpace[0] }),
        agreement: null,
      }),
    );
    expect(created.body.members).toHaveLength(partnersInSpace.length);
    const id: string = created.body.id;

    expect((await api().get('/provider-networks').set('Authorization', caseworker)).body.items.map((n: { id: string }) => n.id)).toContain(
      id,
    );
    expect((await api().get('/provider-networks').set('Authorization', coordinatorPr2)).body.items).toEqual([]);
    expect((await api().get(`/provider-networks/${id}`).set('Authorization', coordinatorPr2)).status).toBe(404);

    const interviews = await api().get(`/provider-networks/${id}/interviews`).set('Authorization', coordinator);
    expect(interviews.status).toBe(200);
    expect(interviews.body.members.map((m: { partnerId: string }) => m.partnerId).sort()).toEqual([...partnersInSpace].sort());
    const year = new Date().getFullYear();
    const budget = await api().get(`/provider-networks/${id}/budget?year=${year}`).set('Authorization', coordinator);
    expect(budget.status).toBe(200);
    expect(budget.body).toEqual(expect.objectContaining({ socialSpaceId: spaceId, year }));
    expect((await api().get(`/provider-networks/${id}/budget?year=${year}`).set('Authorization', coordinatorPr2)).status).toBe(404);
  });

  it('removes a member: past attendance stays, new attendance for them is refused', async () => {
    const detail = await api().get(`/committees/${committeeId}`).set('Authorization', coordinator);
    const external = detail.body.members.find((m: { kind: string }) => m.kind === 'external');
    expect((await api().delete(`/committees/${committeeId}/members/${external.id}`).set('Authorization', caseworker)).status).toBe(403);
    const removed = await api().delete(`/committees/${committeeId}/members/${external.id}`).set('Authorization', coordinator);
    expect(removed.status).toBe(200);
    expect((await api().delete(`/committees/${committeeId}/members/${external.id}`).set('Authorization', coordinator)).status).toBe(404);
    const after = await api().get(`/committees/${committeeId}`).set('Authorization', coordinator);
    expect(after.body.members.map((m: { id: string }) => m.id)).not.toContain(external.id);
    expect(
      (await api().get(`/meetings/${meetings[0]}`).set('Authorization', coordinator)).body.attendance.map(
        (a: { memberId: string }) => a.memberId,
      ),
    ).toContain(external.id);
    const refused = await api()
      .put(`/meetings/${meetings[1]}/attendance`)
      .set('Authorization', coordinator)
      .send({ entries: [{ memberId: external.id, status: 'present' }] });
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/entries/0/memberId', code: 'not-member' })]);
  });

  it('seeds demo committees with an approved past meeting and open tasks for the demo users, twice without change', async () => {
    await seedDemoGremien(system.db);
    await seedDemoGremien(system.db);
    const tasks = await api().get('/me/tasks?kind=meeting_task').set('Authorization', caseworker);
    expect(tasks.body.items).toEqual([expect.objectContaining({ kind: 'meeting_task', title: expect.stringContaining('Elterncafé') })]);
    const committees = await api().get('/committees').set('Authorization', coordinator);
    expect(committees.body.items.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['Sozialraumkonferenz Teltow', 'Regionalteam Planregion 1', 'Jugendhilfeausschuss des Landkreises']),
    );
    const [{ count }] = await system.db.query(
      `SELECT count(*)::int AS count FROM meeting WHERE minutes_status = 'approved' AND created_by = 'seed'`,
    );
    expect(count).toBe(1);
    expect(
      (await api().get('/provider-networks').set('Authorization', coordinator)).body.items.map((n: { name: string }) => n.name),
    ).toContain('Trägerverbund Teltow (Kinder- und Jugendarbeit)');
  });
});
