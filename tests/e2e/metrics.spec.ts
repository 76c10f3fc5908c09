import request from 'supertest';
import { Role } from '@sro/common';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const TOKEN = 'metrics-test-token-0123456789';

describe('Prometheus metrics (HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  const api = () => request(system.http);

  beforeAll(async () => {
    system = await isolatedSystem('e2e-metrics', { METRICS_TOKEN: TOKEN });
  });
  afterAll(() => system?.close());

  it('refuses /metrics without the metrics token, also with a user token', async () => {
    expect((await api().get('/metrics')).status).toBe(401);
    expect(
      (
        await api()
          .get('/metrics')
          .set('Authorization', await bearer(Role.Admin))
      ).status,
    ).toBe(401);
    const wrong = await api().get('/metrics').set('Authorization', 'Bearer not-the-token');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('counts requests, errors and durations per route pattern, and reports queue, outbox and audit figures', async () => {
    const cw = await bearer(Role.Caseworker);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await api().post('/time-entries').set('Authorization', cw).send({ date: yesterday, minutes: 30, kind: 'other' }).expect(201);
    await api().get('/cases/00000000-0000-4000-8000-000000000000').set('Authorization', cw);
    const res = await api().get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const text = res.text;
    expect(text).toMatch(/sro_http_requests_total\{method="POST",route="\/time-entries",status="201"\} 1/);
    expect(text).toMatch(/sro_http_errors_total\{method="GET",route="\/cases\/:id",class="4xx"\} 1/);
    expect(text).toMatch(/sro_http_request_duration_seconds_count\{method="POST",route="\/time-entries"\} 1/);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000000'); // patterns, not URLs
    expect(text).toMatch(/sro_reminder_queue_jobs\{state="delayed"\} \d+/);
    expect(text).toMatch(/sro_email_outbox\{state="pending"\} \d+/);
    expect(text).toMatch(/sro_reminder_lag_ms\{quantile="p95"\} \d+/);
    const appends = Number(text.match(/sro_audit_append_seconds_count (\d+)/)?.[1]);
    expect(appends).toBeGreaterThan(0);
  });

  it('does not exist without a configured token', async () => {
    const plain = await isolatedSystem('e2e-metrics-off');
    try {
      expect((await request(plain.http).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
