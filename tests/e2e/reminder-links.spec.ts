import request from 'supertest';
import { Role } from '@sro/common';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { startSmtpSink } from '../support/smtp-sink';
import { bearer } from '../support/tokens';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const BASE = 'https://jugendamt.example.org';
const ID = '6f1c1a52-3b0e-4d7a-9d39-2b5c0b1e4a10';

/** The text of a received message: quoted-printable soft breaks and escapes undone. */
const text = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('links in reminder e-mails and notifications open the web app (HTTP, SMTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    system = await isolatedSystem('e2e-reminder-links', {
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      APP_BASE_URL: `${BASE}/`,
      RECONCILE_INTERVAL_SECONDS: '5',
    });
  });
  afterAll(async () => {
    await system?.close();
    await smtp?.close();
  });

  // What the workflows put into a reminder's context: the thing's API resource.
  it.each([
    ['cooperation-agreement', `/cooperation-agreements/${ID}`, `/vereinbarungen/${ID}`],
    ['social-space process', `/sozialraum-processes/${ID}`, `/prozesse/${ID}`],
    ['Jugendhilfedienst case', `/jugendhilfedienst-cases/${ID}`, `/faelle/${ID}`],
    ['Fallteam consultation', `/consultations/${ID}`, `/beratungen/${ID}`],
    ['partner interview', `/interview-cycles/${ID}/interviews/${ID}`, `/interviews/${ID}/${ID}`],
  ])(
    'the e-mail about a %s links to the web app’s page under APP_BASE_URL, which serves it (not a 401 problem)',
    async (kind, apiLink, page) => {
      const key = `links/${kind.replace(/[^a-z]/gi, '-')}/P1D`;
      await system.db.query(
        `INSERT INTO reminder (key, due_at, recipients, template, context, channels, status)
       VALUES ($1, now() - interval '1 second', '[{"type":"user","id":"demo-coordinator"}]', 'step-due', $2::jsonb, '{in_app,email}', 'scheduled')`,
        [key, JSON.stringify({ processTitle: `Prozess ${kind}`, stepTitle: 'Schritt', dueAt: new Date().toISOString(), link: apiLink })],
      );
      const [{ id }] = await system.db.query('SELECT id FROM reminder WHERE key = $1', [key]);
      await eventually(async () => smtp.mails.some((m) => m.raw.includes(`<${id}.demo-coordinator@sro-engine>`)), 30_000, 'the e-mail');
      const mail = text(smtp.mails.find((m) => m.raw.includes(`<${id}.demo-coordinator@sro-engine>`))!.raw);
      const link = mail.match(/https:\/\/jugendamt\.example\.org\/\S+/)?.[0];
      expect(link).toBe(`${BASE}${page}`);

      const path = new URL(link!).pathname;
      const opened = await request(system.http).get(path).set('Accept', HTML);
      expect(opened.status).toBe(200);
      expect(opened.headers['content-type']).toMatch(/text\/html/);
      expect(opened.text).toContain('<div id="root"></div>');
      // What the link used to be: an API route, which a browser gets as 401 problem+json.
      const before = await request(system.http).get(apiLink).set('Accept', HTML);
      expect([before.status, before.headers['content-type']]).toEqual([401, expect.stringMatching(/application\/problem\+json/)]);

      const inbox = await request(system.http)
        .get('/me/notifications')
        .set('Authorization', await bearer(Role.Coordinator));
      expect(inbox.body.items.find((n: { reminderId: string }) => n.reminderId === id)?.link).toBe(page);
    },
  );
});
