import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReminder, webPath } from '@sro/reminders';

const ID = '6f1c1a52-3b0e-4d7a-9d39-2b5c0b1e4a10';
/** The routes the web app declares (apps/web/src/App.tsx), as patterns. */
const routes = [...readFileSync(join(__dirname, '../../apps/web/src/App.tsx'), 'utf8').matchAll(/<Route\s+path="([^"]+)"/g)]
  .map((m) => m[1])
  .filter((path) => path !== '*')
  .map((path) => new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/]+')}$`));

describe('links of reminders name pages of the web app', () => {
  it.each([
    [`/cooperation-agreements/${ID}`, `/vereinbarungen/${ID}`],
    [`/sozialraum-processes/${ID}`, `/prozesse/${ID}`],
    [`/jugendhilfedienst-cases/${ID}`, `/faelle/${ID}`],
    [`/cases/${ID}`, `/faelle/${ID}`],
    [`/consultations/${ID}`, `/beratungen/${ID}`],
    [`/interview-cycles/${ID}/interviews/${ID}`, `/interviews/${ID}/${ID}`],
    [`/interview-cycles/${ID}`, '/interviews'],
    [`/faelle/${ID}`, `/faelle/${ID}`],
    [`/meetings/${ID}`, `/gremien/sitzungen/${ID}`],
    [`/gremien/sitzungen/${ID}`, `/gremien/sitzungen/${ID}`],
  ])('maps %s to %s, a route the web app declares', (link, page) => {
    expect(webPath(link)).toBe(page);
    expect(routes.some((r) => r.test(page))).toBe(true);
  });

  it('renders every template’s link as the page', () => {
    const message = renderReminder('decision-due', {
      subjectTitle: 'Kooperationsvereinbarung',
      dueAt: '2027-01-01T00:00:00Z',
      link: `/cooperation-agreements/${ID}`,
    });
    expect(message.link).toBe(`/vereinbarungen/${ID}`);
  });
});
