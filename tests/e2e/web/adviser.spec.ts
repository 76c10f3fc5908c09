import request from 'supertest';
import { Role } from '@sro/common';
import { caseBody } from '../../factories/cases';
import { accessibilityViolations, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { bearer } from '../../support/tokens';

jest.setTimeout(180_000);

describe('web app: the adviser’s journey (consultations and packets, nothing else)', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;
  let caseId: string;
  let pseudonym: string;

  beforeAll(async () => {
    web = await webSystem('web-adviser');
    const cw = await bearer(Role.Caseworker);
    const http = () => request(web.http);
    const [space] = await web.db.query(`SELECT id FROM social_space WHERE name = 'Sozialraum Teltow'`);
    const created = await http().post('/cases').set('Authorization', cw).send(caseBody(space.id)).expect(201);
    caseId = created.body.id;
    pseudonym = created.body.pseudonym;
    const consultation = await http()
      .post(`/cases/${caseId}/consultations`)
      .set('Authorization', cw)
      .send({ questions: ['Welche Ressourcen im Sozialraum passen?'] })
      .expect(201);
    const session = await http()
      .post('/fallteam-sessions')
      .set('Authorization', cw)
      .send({
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        place: 'Familienzentrum Teltow',
        capacity: 4,
        moderatorId: 'demo-caseworker',
      })
      .expect(201);
    await http()
      .post(`/consultations/${consultation.body.id}/schedule`)
      .set('Authorization', cw)
      .send({ sessionId: session.body.id })
      .expect(200);
    await http()
      .post(`/consultations/${consultation.body.id}/invitations`)
      .set('Authorization', cw)
      .send({ adviserIds: ['demo-adviser'] })
      .expect(200);
    // Advisers see the packet only once the caseworker released it.
    await http().post(`/consultations/${consultation.body.id}/packet-release`).set('Authorization', cw).expect(201);
  });
  afterAll(() => web?.close());

  it('reads the pseudonymised packet, and a case URL shows a clear refusal that the API made', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Externe Beratung');
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Meine Beratungen' }).click();
    await page.getByRole('heading', { name: 'Meine Beratungen im erweiterten Fallteam' }).waitFor();
    await expect(nav).toContainText('Meine Beratungen');
    await expect(nav).not.toContainText('Fälle');

    await page.getByRole('link', { name: pseudonym }).click();
    await page.getByRole('heading', { name: `Fallvorstellung ${pseudonym}` }).waitFor();
    const main = page.locator('main');
    await expect(main).toContainText('Wir wollen, dass Leon wieder gern zur Schule geht.');
    await expect(main).toContainText('Welche Ressourcen im Sozialraum passen?');
    await expect(main).toContainText('Keine: Die Familie hat keine Angaben freigegeben.');
    await expect(main).toContainText(/Alter der Kinder: (10-13|14-17) Jahre/);
    for (const secret of ['Mustermann', 'Lindenallee', '2014-02-03', 'Hildegard', 'Schulden']) await expect(main).not.toContainText(secret);
    // The recommendation form is on the packet page; an empty one is answered in German, at the field.
    await page.getByRole('heading', { name: 'Empfehlung abgeben' }).waitFor();
    await page.getByRole('button', { name: 'Empfehlung abgeben' }).click();
    await page.getByRole('dialog', { name: 'Empfehlung abgeben?' }).getByRole('button', { name: 'Empfehlung abgeben' }).click();
    await expect(page.locator('.error-summary')).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    await expect(page.getByRole('textbox', { name: /^Empfehlung / })).toHaveAttribute('aria-invalid', 'true');
    expect(await englishMessages(page)).toEqual([]);
    await screenshot(page, 'adviser-packet');
    expect(await accessibilityViolations(page)).toEqual([]);

    const refused = page.waitForResponse((res) => res.url().endsWith(`/cases/${caseId}/file`));
    await page.goto(`/faelle/${caseId}`);
    expect((await refused).status()).toBe(403);
    await page.getByRole('heading', { name: 'Kein Zugriff auf diese Fallakte' }).waitFor();
    await expect(page.getByRole('alert')).toContainText('Sie haben keinen Zugriff auf Fallakten.');
    await expect(main).not.toContainText('Mustermann');
    const denied = await web.db.query(
      `SELECT 1 FROM audit_event WHERE actor_id = 'demo-adviser' AND resource_type = 'case' AND outcome = 'denied'`,
    );
    expect(denied).toHaveLength(1);
    await screenshot(page, 'adviser');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(web.consoleErrors).toEqual([]);
  });
});
