import request from 'supertest';
import { Role } from '@sro/common';
import { caseBody } from '../factories/cases';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

describe('the audit trail of a case includes its consents and consultations (HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  const api = () => request(system.http);

  beforeAll(async () => {
    system = await isolatedSystem('e2e-audit-trail');
  });
  afterAll(() => system?.close());

  it('GET /audit?resourceId=<case> shows consent and consultation events, with the child id in details', async () => {
    const cw = await bearer(Role.Caseworker);
    const [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    const caseId = (await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201)).body.id as string;
    const consent = await api()
      .post(`/cases/${caseId}/consents`)
      .set('Authorization', cw)
      .send({ givenBy: 'Mutter (sorgeberechtigt)', purpose: 'fallteam', fields: ['familyName'], form: 'written', givenAt: '2026-11-01' })
      .expect(201);
    await api().post(`/cases/${caseId}/consents/${consent.body.id}/revoke`).set('Authorization', cw).expect(200);
    const consultation = await api()
      .post(`/cases/${caseId}/consultations`)
      .set('Authorization', cw)
      .send({ questions: ['Welche Ressourcen im Sozialraum passen?'] })
      .expect(201);
    await api().get(`/consultations/${consultation.body.id}`).set('Authorization', cw).expect(200);
    await api().post(`/consultations/${consultation.body.id}/cancel`).set('Authorization', cw).send({ reason: 'Nicht mehr nötig' });

    const trail = await api()
      .get(`/audit?resourceId=${caseId}&limit=100`)
      .set('Authorization', await bearer(Role.Admin))
      .expect(200);
    const events = (trail.body.items as Array<{ action: string; resourceType: string; details: Record<string, unknown> }>).map((e) => ({
      action: e.action,
      resourceType: e.resourceType,
      details: e.details,
    }));
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', resourceType: 'case' }),
        { action: 'add-consent', resourceType: 'case', details: { consentId: consent.body.id } },
        { action: 'revoke-consent', resourceType: 'case', details: { consentId: consent.body.id } },
        { action: 'request-consultation', resourceType: 'case', details: { consultationId: consultation.body.id } },
        { action: 'read', resourceType: 'case', details: { consultationId: consultation.body.id } },
        { action: 'cancel', resourceType: 'case', details: { consultationId: consultation.body.id } },
      ]),
    );
    // no event names a consent or consultation id as if it were the case
    const misfiled = await system.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE resource_type = 'case' AND resource_id = ANY($1)`,
      [[consent.body.id, consultation.body.id]],
    );
    expect(misfiled[0].n).toBe(0);
  });
});
