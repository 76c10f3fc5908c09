import request from 'supertest';
import { Role } from '@sro/common';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

describe('retrying a failed reminder (admins, HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let admin: string;
  const api = () => request(system.http);
  const failedReminder = async (key: string, channels: string[]) => {
    const [row] = await system.db.query(
      `INSERT INTO reminder (key, due_at, recipients, template, context, channels, status, attempts, last_error)
       VALUES ($1, now() - interval '1 hour', '[{"type":"user","id":"demo-coordinator"}]', 'step-due',
               jsonb_build_object('processTitle', 'Sozialraum Teltow', 'stepTitle', 'Phase 1', 'dueAt', now()::text), $2, 'failed', 5, 'SMTP 550')
       RETURNING id`,
      [key, channels],
    );
    return row.id as string;
  };

  beforeAll(async () => {
    system = await isolatedSystem('e2e-reminder-retry');
    admin = await bearer(Role.Admin);
  });
  afterAll(() => system?.close());

  it('delivers a reminder that failed before delivery again, once, and audits the retry', async () => {
    const id = await failedReminder('test/retry/job', ['in_app']);
    const retried = await api().post(`/reminders/${id}/retry`).set('Authorization', admin);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id, status: 'scheduled', attempts: 0, lastError: null });
    await eventually(
      async () => (await system.db.query(`SELECT status FROM reminder WHERE id = $1`, [id]))[0].status !== 'scheduled',
      20_000,
      'the retried reminder delivered',
    );
    const [delivered] = await system.db.query(`SELECT status FROM reminder WHERE id = $1`, [id]);
    expect(['sent', 'late']).toContain(delivered.status);
    const deliveries = await system.db.query(`SELECT channel, user_id FROM reminder_delivery WHERE reminder_id = $1`, [id]);
    expect(deliveries).toEqual([{ channel: 'in_app', user_id: 'demo-coordinator' }]);
    const [audit] = await system.db.query(
      `SELECT actor_id, outcome FROM audit_event WHERE resource_type = 'reminder' AND action = 'retry' AND resource_id = $1`,
      [id],
    );
    expect(audit).toEqual({ actor_id: 'demo-admin', outcome: 'allowed' });
  });

  it('puts a failed e-mail back into the outbox, leaving what was delivered', async () => {
    const id = await failedReminder('test/retry/email', ['in_app', 'email']);
    await system.db.query(
      `INSERT INTO reminder_delivery (reminder_id, channel, user_id, status, delivered_at, attempts, last_error)
       VALUES ($1, 'in_app', 'demo-coordinator', 'delivered', now(), 0, NULL), ($1, 'email', 'demo-coordinator', 'failed', NULL, 5, 'SMTP 550')`,
      [id],
    );
    const retried = await api().post(`/reminders/${id}/retry`).set('Authorization', admin);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'sent', attempts: 0, lastError: null });
    const rows = await system.db.query(
      `SELECT channel, status, last_error FROM reminder_delivery WHERE reminder_id = $1 ORDER BY channel`,
      [id],
    );
    expect(rows[0]).toEqual({ channel: 'email', status: expect.stringMatching(/^(pending|sending|delivered)$/), last_error: null });
    expect(rows[1]).toEqual({ channel: 'in_app', status: 'delivered', last_error: null });
  });

  it('answers 409 for a reminder that has not failed, 404 for none, 403 for other roles, all in German', async () => {
    const id = await failedReminder('test/retry/twice', ['in_app']);
    expect((await api().post(`/reminders/${id}/retry`).set('Authorization', admin)).status).toBe(200);
    const again = await api().post(`/reminders/${id}/retry`).set('Authorization', admin);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Die Erinnerung ist nicht fehlgeschlagen; es gibt nichts erneut zu senden.');
    const none = await api().post('/reminders/00000000-0000-4000-8000-000000000000/retry').set('Authorization', admin);
    expect(none.status).toBe(404);
    expect(none.body.detail).toBe('Die Erinnerung wurde nicht gefunden.');
    expect(
      (
        await api()
          .post(`/reminders/${id}/retry`)
          .set('Authorization', await bearer(Role.Coordinator))
      ).status,
    ).toBe(403);
  });
});
