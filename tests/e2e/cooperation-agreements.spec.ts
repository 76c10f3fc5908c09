import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { Role } from '@sro/common';
import { createDataConverter } from '@sro/temporal';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const BODY_MARKER = 'Familienzentrum am Seeufer: gemeinsame Finanzierung';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('cooperation agreements over HTTP (three parties, draft to active)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let coordinator: string;
  let approver: Record<'municipality' | 'provider' | 'landkreis' | 'unnamed', string>;
  let regionId: string;
  let spaceId: string;
  let municipalityPartner: string;
  let providerPartner: string;
  let id: string;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-agreements');
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles) VALUES ('ap-municipality', 'Bürgermeisteramt Teltow', '{approver}'), ('ap-provider', 'Geschäftsführung Familienzentrum', '{approver}'),
              ('ap-landkreis', 'Jugendamt Landkreis', '{approver}'), ('not-an-approver', 'Sachbearbeitung', '{caseworker}')`,
    );
    coordinator = await bearer(Role.Coordinator);
    approver = {
      municipality: await bearer(Role.Approver, 'ap-municipality'),
      provider: await bearer(Role.Approver, 'ap-provider'),
      landkreis: await bearer(Role.Approver, 'ap-landkreis'),
      unnamed: await bearer(Role.Approver), // demo-approver: an approver, but named in no stage
    };
    [{ id: regionId }] = await system.db.query(`SELECT id FROM planning_region WHERE code = 'PR1'`);
    [{ id: spaceId }] = await system.db.query(`SELECT id FROM social_space WHERE planning_region_id = $1 ORDER BY code LIMIT 1`, [
      regionId,
    ]);
    [{ id: municipalityPartner }] = await system.db.query(
      `SELECT id FROM contract_partner WHERE kind = 'municipality' ORDER BY code LIMIT 1`,
    );
    [{ id: providerPartner }] = await system.db.query(`SELECT id FROM contract_partner WHERE kind = 'free_provider' ORDER BY code LIMIT 1`);
  });
  afterAll(() => system?.close());

  const http = () => system.http;
  // eslint-disable-next-line no-restricted-syntax -- the tests name fixed tables
  const count = async (table: string) => (await system.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const draft = () => ({
    title: 'Dreiseitiger Vertrag Familienzentrum Teltow',
    kind: 'three_party',
    planningRegionId: regionId,
    parties: [],
    socialSpaceIds: [spaceId],
    body: `${BODY_MARKER} durch Stadt und Landkreis, Kooperation mit Hebammen und Kitas.`,
    attachments: [{ fileName: 'Leistungsbeschreibung.pdf', mediaType: 'application/pdf', sizeBytes: 48213 }],
    validFrom: day(30),
    validUntil: day(30 + 3 * 365),
  });
  const approvers = [
    { stageKey: 'parties', partyKey: 'municipality', approverIds: ['ap-municipality'] },
    { stageKey: 'parties', partyKey: 'provider', approverIds: ['ap-provider'] },
    { stageKey: 'parties', partyKey: 'landkreis', approverIds: ['ap-landkreis'] },
  ];
  const decide = (who: keyof typeof approver, body: Record<string, unknown>) =>
    request(http())
      .post(`/cooperation-agreements/${id}/decisions`)
      .set('Authorization', approver[who])
      .send({ stageKey: 'parties', ...body });

  it('refuses a validity that ends before it starts and unknown fields, as problem+json, and stores nothing', async () => {
    const before = await count('cooperation_agreement');
    const backwards = await request(http())
      .post('/cooperation-agreements')
      .set('Authorization', coordinator)
      .send({ ...draft(), validFrom: day(400), validUntil: day(100) });
    expect(backwards.status).toBe(400);
    expect(backwards.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(backwards.body.errors).toEqual([
      {
        pointer: '/validUntil',
        code: 'date.min',
        params: { after: day(400) },
        message: `Das Ende der Gültigkeit muss nach dem Beginn (${day(400).split('-').reverse().join('.')}) liegen.`,
      },
    ]);
    const unknown = await request(http())
      .post('/cooperation-agreements')
      .set('Authorization', coordinator)
      .send({ ...draft(), kind: 'handshake', secret: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/kind', '/secret']));
    expect(await count('cooperation_agreement')).toBe(before);
    expect(await count('cooperation_agreement_version')).toBe(0);
  });

  it('drafts an agreement without parties yet, but refuses to submit it, changing nothing', async () => {
    const created = await request(http()).post('/cooperation-agreements').set('Authorization', coordinator).send(draft());
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({
      status: 'draft',
      reference: expect.stringMatching(/^KV-[A-Z2-9]{6}$/),
      latest: { version: 1, body: expect.stringContaining(BODY_MARKER) },
    });

    const submit = await request(http()).post(`/cooperation-agreements/${id}/submit`).set('Authorization', coordinator).send({ approvers });
    expect(submit.status).toBe(400);
    expect(submit.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(submit.body.errors).toEqual([expect.objectContaining({ pointer: '/parties' })]);
    const after = await request(http()).get(`/cooperation-agreements/${id}`).set('Authorization', coordinator);
    expect(after.body).toMatchObject({ status: 'draft', approval: null });
    expect(await count('cooperation_agreement_pending')).toBe(0);
  });

  it('names the three parties and submits with an approver for each; only approvers can be named', async () => {
    const parties = [
      { kind: 'contract_partner', refId: municipalityPartner },
      { kind: 'contract_partner', refId: providerPartner },
      { kind: 'landkreis', name: 'Landkreis Potsdam-Mittelmark' },
    ];
    const updated = await request(http())
      .put(`/cooperation-agreements/${id}`)
      .set('Authorization', coordinator)
      .send({ title: draft().title, kind: 'three_party', parties, socialSpaceIds: [spaceId] });
    expect(updated.status).toBe(200);
    expect(updated.body.parties).toHaveLength(3);
    expect(updated.body.parties[2]).toEqual({ kind: 'landkreis', refId: null, name: 'Landkreis Potsdam-Mittelmark' });

    const wrongUser = await request(http())
      .post(`/cooperation-agreements/${id}/submit`)
      .set('Authorization', coordinator)
      .send({ approvers: [{ ...approvers[0], approverIds: ['not-an-approver'] }, ...approvers.slice(1)] });
    expect(wrongUser.status).toBe(400);
    expect(wrongUser.body.errors).toEqual([
      {
        pointer: '/approvers/0/approverIds/0',
        code: 'user.role',
        params: { roles: ['approver'] },
        message: 'Diese Person ist nicht aktiv oder hat nicht die Rolle Freigabe.',
      },
    ]);
    const missingParty = await request(http())
      .post(`/cooperation-agreements/${id}/submit`)
      .set('Authorization', coordinator)
      .send({ approvers: approvers.slice(0, 2) });
    expect(missingParty.status).toBe(400);
    expect(missingParty.body.errors).toEqual([
      {
        pointer: '/approvers',
        code: 'approver.missing',
        params: { stageKey: 'parties', partyKey: 'landkreis' },
        message: expect.stringMatching(/^Für „.+“ in der Stufe „.+“ ist niemand benannt, der entscheidet\.$/),
      },
    ]);

    const submitted = await request(http())
      .post(`/cooperation-agreements/${id}/submit`)
      .set('Authorization', coordinator)
      .send({ approvers, committeeRequired: false });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'in_approval',
      approval: { round: 1, version: 1, stages: [{ key: 'parties', status: 'active' }] },
    });
    const pending = await request(http()).get('/cooperation-agreements/pending-decisions').set('Authorization', approver.landkreis);
    expect(pending.body).toMatchObject({
      total: 1,
      items: [
        { agreementId: id, stageKey: 'parties', partyKey: 'landkreis', stageTitle: 'Zustimmung der Vertragsparteien', overdue: false },
      ],
    });
  });

  it('answers 403 to an approver the stage does not name, audits it, and records nothing', async () => {
    const res = await decide('unnamed', { decision: 'approve' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const wrongParty = await decide('provider', { partyKey: 'municipality', decision: 'approve' });
    expect(wrongParty.status).toBe(403);
    expect(await count('cooperation_agreement_decision')).toBe(0);
    const denied = await system.db.query(
      `SELECT actor_id FROM audit_event WHERE resource_type = 'cooperation-agreement' AND action = 'decide' AND outcome = 'denied' AND resource_id = $1 ORDER BY id`,
      [id],
    );
    expect(denied.map((d: { actor_id: string }) => d.actor_id)).toEqual(['demo-approver', 'ap-provider']);
    // An approver named nowhere does not see the agreement at all.
    expect((await request(http()).get(`/cooperation-agreements/${id}`).set('Authorization', approver.unnamed)).status).toBe(404);
  });

  it('accepts the municipality’s approval once; the second click is 409 and changes nothing', async () => {
    const first = await decide('municipality', { decision: 'approve', comment: 'Einverstanden' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ decision: 'approve', stageStatus: 'active', agreementStatus: 'in_approval' });
    const again = await decide('municipality', { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(
      /^Sie haben bereits am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr entschieden \(Zustimmung\); nichts wurde geändert\.$/,
    );
    expect(await count('cooperation_agreement_decision')).toBe(1);
    // Committed before the update, accepted by the workflow's activity with the agreement's state.
    expect(await system.db.query('SELECT accepted FROM cooperation_agreement_decision')).toEqual([{ accepted: true }]);
    expect(
      (await request(http()).get('/cooperation-agreements/pending-decisions').set('Authorization', approver.municipality)).body.total,
    ).toBe(0);
  });

  it('returns the agreement to draft when the Landkreis rejects, with its comment', async () => {
    const noComment = await decide('landkreis', { decision: 'reject' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.errors).toEqual([{ pointer: '/comment', code: 'required', message: 'Bitte begründen Sie die Ablehnung.' }]);
    const rejected = await decide('landkreis', { decision: 'reject', comment: 'Die Finanzierungsanteile in § 4 fehlen.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ stageStatus: 'rejected', agreementStatus: 'draft' });
    const agreement = await request(http()).get(`/cooperation-agreements/${id}`).set('Authorization', coordinator);
    expect(agreement.body).toMatchObject({
      status: 'draft',
      lastRejection: {
        round: 1,
        version: 1,
        stageKey: 'parties',
        partyKey: 'landkreis',
        comments: expect.arrayContaining([
          expect.objectContaining({ approverId: 'ap-landkreis', decision: 'reject', comment: 'Die Finanzierungsanteile in § 4 fehlen.' }),
        ]),
      },
    });
    expect(
      (await request(http()).get('/cooperation-agreements/pending-decisions').set('Authorization', approver.provider)).body.total,
    ).toBe(0);
    const [notice] = await system.db.query(`SELECT template, recipients FROM reminder WHERE key = $1`, [`cav/${id}/r1/rejected`]);
    expect(notice).toEqual({ template: 'agreement-rejected', recipients: [{ type: 'user', id: 'demo-coordinator' }] });
  });

  it('revises the text and takes the new version through every stage to active', async () => {
    const revise = () =>
      request(http())
        .post(`/cooperation-agreements/${id}/versions`)
        .set('Authorization', coordinator)
        .send({
          body: `${BODY_MARKER}; § 4 Finanzierung: Stadt 40 %, Landkreis 60 %.`,
          validFrom: day(0),
          validUntil: day(30 + 3 * 365),
          changeNote: 'Finanzierungsanteile ergänzt',
        });
    // A version 2 committed by another request whose update is still under way: this one is a conflict.
    const pendingRow = (createdAt: string) =>
      system.db.query(
        `INSERT INTO cooperation_agreement_version (agreement_id, version, status, body, valid_from, valid_until, created_by, created_at)
         VALUES ($1, 2, NULL, 'Entwurf einer anderen Anfrage', $2, $3, 'demo-coordinator', $4)`,
        [id, day(0), day(400), createdAt],
      );
    await pendingRow(new Date().toISOString());
    const concurrent = await revise();
    expect(concurrent.status).toBe(409);
    // Left without status for more than two minutes (its answer lost, the workflow never took it): it gives way.
    await system.db.query(`DELETE FROM cooperation_agreement_version WHERE agreement_id = $1 AND version = 2`, [id]);
    await pendingRow(new Date(Date.now() - 3 * 60_000).toISOString());
    const revised = await revise();
    expect(revised.status).toBe(201);
    expect(revised.body).toMatchObject({ version: 2, status: 'draft', body: expect.stringContaining('§ 4 Finanzierung') });
    expect(
      await system.db.query('SELECT version, status FROM cooperation_agreement_version WHERE agreement_id = $1 ORDER BY version', [id]),
    ).toEqual([
      { version: 1, status: 'rejected' },
      { version: 2, status: 'draft' },
    ]);
    const resubmitted = await request(http()).post(`/cooperation-agreements/${id}/submit`).set('Authorization', coordinator).send({});
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.approval).toMatchObject({ round: 2, version: 2 });

    for (const who of ['municipality', 'provider'] as const)
      expect((await decide(who, { decision: 'approve' })).body.agreementStatus).toBe('in_approval');
    const last = await decide('landkreis', { decision: 'approve', comment: 'Finanzierung geklärt' });
    expect(last.body).toMatchObject({ stageStatus: 'passed', agreementStatus: 'active' });

    const agreement = await request(http()).get(`/cooperation-agreements/${id}`).set('Authorization', approver.landkreis);
    expect(agreement.status).toBe(200);
    expect(agreement.body).toMatchObject({ status: 'active', activeVersion: 2, validUntil: day(30 + 3 * 365) });
    expect(Date.parse(agreement.body.renewalDueAt)).toBeLessThan(Date.parse(`${agreement.body.validUntil}T00:00:00Z`));

    const versions = await request(http()).get(`/cooperation-agreements/${id}/versions`).set('Authorization', coordinator);
    expect(versions.body.items.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'rejected'],
      [2, 'approved'],
    ]);
    expect(versions.body.items[0].body).not.toContain('§ 4 Finanzierung');
    expect(versions.body.items[1].body).toContain('§ 4 Finanzierung');

    const decisions = await request(http()).get(`/cooperation-agreements/${id}/decisions`).set('Authorization', coordinator);
    expect(decisions.body.items.map((d: any) => [d.round, d.partyKey, d.decision])).toEqual([
      [1, 'municipality', 'approve'],
      [1, 'landkreis', 'reject'],
      [2, 'municipality', 'approve'],
      [2, 'provider', 'approve'],
      [2, 'landkreis', 'approve'],
    ]);
    const history = await request(http()).get(`/cooperation-agreements/${id}/history`).set('Authorization', coordinator);
    expect(history.body.items.map((e: { kind: string }) => e.kind)).toEqual([
      'drafted',
      'submitted',
      'approved',
      'rejected',
      'approval_rejected',
      'version_created',
      'submitted',
      'approved',
      'approved',
      'approved',
      'stage_passed',
      'activated',
    ]);
    const allowed = await system.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE resource_type = 'cooperation-agreement' AND action = 'decide' AND outcome = 'allowed' AND resource_id = $1`,
      [id],
    );
    expect(allowed[0].n).toBe(5);
    // The renewal reminder to the coordinator waits for the lead time before the end of the validity.
    const renewal = await system.db.query(`SELECT due_at, status FROM reminder WHERE key LIKE $1 ORDER BY due_at`, [`cav/${id}/renewal/%`]);
    expect(renewal).toHaveLength(2);
    expect(renewal.every((r: { status: string }) => r.status === 'scheduled')).toBe(true);
    // The first round's open reminders were withdrawn when the Landkreis rejected.
    const [provider1] = await system.db.query(`SELECT status FROM reminder WHERE key = $1`, [`cav/${id}/r1/parties/p/provider/P7D`]);
    expect(provider1.status).toBe('cancelled');
  });

  it('shows agreements only to those entitled: caseworkers 403, coordinators of other regions 404', async () => {
    expect(
      (
        await request(http())
          .get(`/cooperation-agreements/${id}`)
          .set('Authorization', await bearer(Role.Caseworker))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(http())
          .get(`/cooperation-agreements/${id}`)
          .set('Authorization', await bearer(Role.Coordinator, 'demo-coordinator-pr2'))
      ).status,
    ).toBe(404);
    expect(
      (
        await request(http())
          .post(`/cooperation-agreements/${id}/terminate`)
          .set('Authorization', await bearer(Role.Coordinator, 'demo-coordinator-pr2'))
          .send({ reason: 'Versuch' })
      ).status,
    ).toBe(404);
    expect(
      (
        await request(http())
          .post(`/cooperation-agreements/${id}/decisions`)
          .set('Authorization', coordinator)
          .send({ stageKey: 'parties', decision: 'approve' })
      ).status,
    ).toBe(403);
    const listed = await request(http()).get('/cooperation-agreements?status=active').set('Authorization', approver.provider);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    const reads = await system.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE resource_type = 'cooperation-agreement' AND action = 'read' AND resource_id = $1`,
      [id],
    );
    expect(reads[0].n).toBeGreaterThanOrEqual(3);
  });

  it('keeps the text out of the Temporal history: the workflow holds ids, versions and dates only', async () => {
    const connection = await Connection.connect({ address: system.config.temporal.address });
    try {
      const plain = new Client({ connection, namespace: system.config.temporal.namespace });
      const history = await plain.workflow.getHandle(`cooperation-agreement/${id}`).fetchHistory();
      const payloads: any[] = [];
      const walk = (n: any): void => {
        if (Array.isArray(n)) n.forEach(walk);
        else if (n && typeof n === 'object' && !(n instanceof Uint8Array))
          Object.entries(n).forEach(([k, v]) => (k === 'payloads' && Array.isArray(v) ? payloads.push(...v) : walk(v)));
      };
      walk(history);
      const clear = (await createDataConverter(system.config.payloadKeys).payloadCodecs![0].decode(payloads))
        .map((p) => Buffer.from(p.data ?? []).toString())
        .join('\n');
      expect(clear).toContain(id);
      expect(clear).toContain('ap-landkreis');
      for (const text of [BODY_MARKER, 'Finanzierungsanteile in § 4', 'Landkreis Potsdam-Mittelmark', 'Leistungsbeschreibung.pdf'])
        expect(clear).not.toContain(text);
    } finally {
      await connection.close();
    }
  });

  it('takes a bilateral cooperation agreement through the approval of its two parties only', async () => {
    const created = await request(http())
      .post('/cooperation-agreements')
      .set('Authorization', coordinator)
      .send({
        ...draft(),
        title: 'Kooperationsvereinbarung Stadt und Familienzentrum',
        kind: 'cooperation',
        parties: [
          { kind: 'contract_partner', refId: municipalityPartner },
          { kind: 'contract_partner', refId: providerPartner },
        ],
        validFrom: day(30),
      });
    expect(created.status).toBe(201);
    const bilateral = created.body.id as string;
    const submit = (body: Record<string, unknown>) =>
      request(http()).post(`/cooperation-agreements/${bilateral}/submit`).set('Authorization', coordinator).send(body);
    // The Landkreis is no party: naming an approver for it is a mistake, not naming one is right.
    const withLandkreis = await submit({ approvers });
    expect(withLandkreis.status).toBe(400);
    expect(withLandkreis.body.errors).toEqual([
      {
        pointer: '/approvers/2/partyKey',
        code: 'party.not-involved',
        params: { stageKey: 'parties', partyKey: 'landkreis' },
        message: '„landkreis“ ist keine Partei dieser Vereinbarung.',
      },
    ]);
    const submitted = await submit({ approvers: approvers.slice(0, 2) });
    expect(submitted.status).toBe(200);
    expect(submitted.body.approval.stages).toEqual([
      expect.objectContaining({
        key: 'parties',
        quorum: 2,
        parties: [expect.objectContaining({ key: 'municipality' }), expect.objectContaining({ key: 'provider' })],
      }),
    ]);
    const decideFor = (who: 'municipality' | 'provider') =>
      request(http())
        .post(`/cooperation-agreements/${bilateral}/decisions`)
        .set('Authorization', approver[who])
        .send({ stageKey: 'parties', decision: 'approve' });
    // A double click: both requests may pass the API's check; the workflow takes one, the other's row is taken back.
    const clicks = await Promise.all([decideFor('municipality'), decideFor('municipality')]);
    expect(clicks.map((c) => c.status).sort()).toEqual([200, 409]);
    expect(clicks.find((c) => c.status === 200)!.body).toMatchObject({ stageStatus: 'active', agreementStatus: 'in_approval' });
    expect(
      await system.db.query('SELECT party_key, accepted FROM cooperation_agreement_decision WHERE agreement_id = $1', [bilateral]),
    ).toEqual([{ party_key: 'municipality', accepted: true }]);
    // Approved, but valid only from day 30: `approved` until then (the workflow turns it `active` on that day).
    expect((await decideFor('provider')).body).toMatchObject({ stageStatus: 'passed', agreementStatus: 'approved' });
    const agreement = await request(http()).get(`/cooperation-agreements/${bilateral}`).set('Authorization', coordinator);
    expect(agreement.body).toMatchObject({ kind: 'cooperation', status: 'approved', activeVersion: null, validFrom: day(30) });
    const listed = await request(http()).get('/cooperation-agreements?status=approved').set('Authorization', coordinator);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([bilateral]);
  });

  it('lists one open decision per agreement for an approver named for two of its parties, naming both', async () => {
    const created = await request(http())
      .post('/cooperation-agreements')
      .set('Authorization', coordinator)
      .send({
        ...draft(),
        title: 'Vertrag mit einer Person für Stadt und Landkreis',
        parties: [
          { kind: 'contract_partner', refId: municipalityPartner },
          { kind: 'contract_partner', refId: providerPartner },
          { kind: 'landkreis', name: 'Landkreis Potsdam-Mittelmark' },
        ],
      });
    expect(created.status).toBe(201);
    const both = created.body.id as string;
    const submitted = await request(http())
      .post(`/cooperation-agreements/${both}/submit`)
      .set('Authorization', coordinator)
      .send({
        approvers: [
          { stageKey: 'parties', partyKey: 'municipality', approverIds: ['ap-landkreis'] },
          { stageKey: 'parties', partyKey: 'provider', approverIds: ['ap-provider'] },
          { stageKey: 'parties', partyKey: 'landkreis', approverIds: ['ap-landkreis'] },
        ],
      });
    expect(submitted.status).toBe(200);
    const pendingOf = async () =>
      (await request(http()).get('/cooperation-agreements/pending-decisions').set('Authorization', approver.landkreis)).body as {
        total: number;
        items: Array<{ agreementId: string; parties: Array<{ key: string; title: string }> }>;
      };
    const pending = await pendingOf();
    expect(pending.items.filter((i) => i.agreementId === both)).toHaveLength(1);
    expect(pending.total).toBe(pending.items.length);
    expect(pending.items.find((i) => i.agreementId === both)!.parties.map((p) => p.key)).toEqual(['landkreis', 'municipality']);
    const tasks = await request(http()).get('/me/tasks').set('Authorization', approver.landkreis);
    expect(tasks.body.items.filter((t: { subject: { id: string } }) => t.subject.id === both)).toEqual([
      expect.objectContaining({ kind: 'agreement_decision', link: `/entscheidungen/${both}` }),
    ]);
    const decided = await request(http())
      .post(`/cooperation-agreements/${both}/decisions`)
      .set('Authorization', approver.landkreis)
      .send({ stageKey: 'parties', partyKey: 'municipality', decision: 'approve' });
    expect(decided.status).toBe(200);
    const after = (await pendingOf()).items.filter((i) => i.agreementId === both);
    expect(after.map((i) => i.parties.map((p) => p.key))).toEqual([['landkreis']]);
  });

  it('lists the district’s municipalities and names one as a party; an unknown municipality is refused', async () => {
    const all = await request(http()).get('/municipalities').set('Authorization', coordinator);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(38);
    expect(all.body.items.map((m: { name: string }) => m.name)).toEqual(
      expect.arrayContaining(['Teltow', 'Kleinmachnow', 'Ziesar', 'Rabenstein/Fläming']),
    );
    const inRegion = await request(http()).get(`/municipalities?planningRegionId=${regionId}`).set('Authorization', coordinator);
    expect(inRegion.body.items.map((m: { name: string }) => m.name)).toEqual([
      'Kleinmachnow',
      'Michendorf',
      'Nuthetal',
      'Stahnsdorf',
      'Teltow',
    ]);
    const inSpace = await request(http()).get(`/municipalities?socialSpaceId=${spaceId}`).set('Authorization', coordinator);
    expect(inSpace.body.items).toEqual([
      expect.objectContaining({ name: 'Teltow', kind: 'stadt', socialSpaceId: spaceId, planningRegionId: regionId }),
    ]);
    expect((await request(http()).get('/municipalities?socialSpaceId=nope').set('Authorization', coordinator)).status).toBe(400);
    expect(
      (
        await request(http())
          .get('/municipalities')
          .set('Authorization', await bearer(Role.Adviser))
      ).status,
    ).toBe(403);

    const teltow = inSpace.body.items[0].id as string;
    const unknown = '00000000-0000-4000-8000-0000000000aa';
    const refused = await request(http())
      .post('/cooperation-agreements')
      .set('Authorization', coordinator)
      .send({
        ...draft(),
        kind: 'cooperation',
        parties: [
          { kind: 'municipality', refId: unknown },
          { kind: 'contract_partner', refId: providerPartner },
        ],
      });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        pointer: '/parties/0/refId',
        code: 'unknown-reference',
        message: 'Diesen Eintrag (Kommune) gibt es nicht; bitte wählen Sie einen aus der Liste.',
      },
    ]);
    const named = await request(http())
      .post('/cooperation-agreements')
      .set('Authorization', coordinator)
      .send({
        ...draft(),
        kind: 'cooperation',
        parties: [
          { kind: 'municipality', refId: teltow },
          { kind: 'contract_partner', refId: providerPartner },
        ],
      });
    expect(named.status).toBe(201);
    expect(named.body.parties[0]).toEqual({ kind: 'municipality', refId: teltow, name: 'Teltow' });
    // The municipality approves as the stage's municipality party.
    const submitted = await request(http())
      .post(`/cooperation-agreements/${named.body.id}/submit`)
      .set('Authorization', coordinator)
      .send({ approvers: approvers.slice(0, 2) });
    expect(submitted.status).toBe(200);
  });

  it('terminates the agreement early', async () => {
    const bad = await request(http()).post(`/cooperation-agreements/${id}/terminate`).set('Authorization', coordinator).send({});
    expect(bad.status).toBe(400);
    const ended = await request(http())
      .post(`/cooperation-agreements/${id}/terminate`)
      .set('Authorization', coordinator)
      .send({ reason: 'Neuer Sozialraumvertrag ersetzt die Vereinbarung' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'terminated', terminationReason: 'Neuer Sozialraumvertrag ersetzt die Vereinbarung' });
    const again = await request(http())
      .post(`/cooperation-agreements/${id}/terminate`)
      .set('Authorization', coordinator)
      .send({ reason: 'Noch einmal' });
    expect(again.status).toBe(409);
    const renewal = await system.db.query(`SELECT status FROM reminder WHERE key LIKE $1`, [`cav/${id}/renewal/%`]);
    expect(renewal.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled']);
  });
});
