import request from 'supertest';
import { Role } from '@sro/common';
import { caseBody } from '../../factories/cases';
import { accessibilityViolations, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { bearer } from '../../support/tokens';

/** The calendar day `days` from today in Berlin, as a person types it (TT.MM.JJJJ). */
const germanDate = (days: number) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

jest.setTimeout(300_000);

/**
 * The extended Fallteam in the browser: the moderator schedules and invites, the adviser recommends,
 * the moderator records the outcome; another consultation is cancelled after a confirmation.
 * API calls only set up what other pages create (the case, the request, the packet release, a session).
 */
describe('web app: the Fallteam moderator and the adviser do their whole job', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;
  let cw: string;
  let pseudonym: string;
  let consultationId: string;
  let otherConsultationId: string;
  let sessionStartsAt: number;

  const http = () => request(web.http);
  const signOut = async () => {
    await web.page.getByRole('button', { name: 'Abmelden' }).click();
    await web.page
      .getByRole('button', { name: /^Anmelden als/ })
      .first()
      .waitFor();
  };
  const checkPage = async (name: string) => {
    expect(await englishMessages(web.page)).toEqual([]);
    expect(await accessibilityViolations(web.page)).toEqual([]);
    await screenshot(web.page, name);
  };

  beforeAll(async () => {
    web = await webSystem('web-fallteam');
    cw = await bearer(Role.Caseworker);
    const [space] = await web.db.query(`SELECT id FROM social_space WHERE name = 'Sozialraum Teltow'`);
    const created = await http().post('/cases').set('Authorization', cw).send(caseBody(space.id)).expect(201);
    pseudonym = created.body.pseudonym;
    const consultation = await http()
      .post(`/cases/${created.body.id}/consultations`)
      .set('Authorization', cw)
      .send({ questions: ['Welche Ressourcen im Sozialraum passen?'] })
      .expect(201);
    consultationId = consultation.body.id;
    const other = await http()
      .post(`/cases/${created.body.id}/consultations`)
      .set('Authorization', cw)
      .send({ questions: ['Braucht es die Beratung noch?'] })
      .expect(201);
    otherConsultationId = other.body.id;
    // A session that begins soon, so that the outcome can be recorded within the test.
    sessionStartsAt = Date.now() + 75_000;
    await http()
      .post('/fallteam-sessions')
      .set('Authorization', cw)
      .send({
        startsAt: new Date(sessionStartsAt).toISOString(),
        place: 'Familienzentrum Teltow',
        capacity: 4,
        moderatorId: 'demo-caseworker',
      })
      .expect(201);
  });
  afterAll(() => web?.close());

  it('schedules and invites, the adviser recommends, the moderator records the outcome', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Fachkraft (ASD)');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Fallteam', exact: true }).click();
    await page.getByRole('heading', { name: 'Erweitertes Fallteam' }).waitFor();
    const task = page.locator('tr', { hasText: pseudonym }).filter({ hasText: 'Fallteam terminieren' }).first();
    await expect(task).toContainText('Fallteam terminieren');
    await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Kommende Sitzungen' }) })).toContainText(
      'Familienzentrum Teltow',
    );
    // The calendar shows today's session in today's cell, with its places booked.
    const calendar = page.locator('.session-calendar');
    await expect(calendar.locator('td[aria-current="date"]')).toContainText('Familienzentrum Teltow, 0 von 4 belegt');
    // A session planned from a day of next month: the day comes into the form, the new session into the calendar.
    await calendar.getByRole('button', { name: 'Nächster Monat' }).click();
    const next = new Date(Date.now());
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const day15 = `15.${String(next.getUTCMonth() + 1).padStart(2, '0')}.${next.getUTCFullYear()}`;
    await calendar.getByRole('button', { name: `Sitzung am ${day15} anlegen` }).click();
    const newSession = page.locator('section', { has: page.getByRole('heading', { name: 'Neue Sitzung anlegen' }) });
    expect(
      await newSession
        .getByRole('textbox', { name: /^Beginn der Sitzung/ })
        .first()
        .inputValue(),
    ).toBe(day15);
    await newSession.getByLabel('Beginn der Sitzung (Uhrzeit)').fill('14:00');
    await newSession.getByRole('textbox', { name: /^Ort/ }).fill('Rathaus Werder, Raum 2');
    await newSession.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await expect(newSession.getByRole('status')).toContainText(`Die Sitzung am ${day15}`);
    await expect(calendar.locator('td', { hasText: 'Rathaus Werder, Raum 2' })).toContainText(
      '14:00 Rathaus Werder, Raum 2, 0 von 4 belegt',
    );
    await expect(calendar.locator('td', { hasText: 'Rathaus Werder, Raum 2' }).locator('.day-number')).toContainText('15');
    await checkPage('fallteam-overview');
    // Readable on a phone: the tables become cards.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'fallteam-overview-390');
    await page.setViewportSize({ width: 1366, height: 900 });

    // The task leads to the consultation page.
    await page.goto(`/beratungen/${consultationId}`);
    await page.getByRole('heading', { name: `Fallteam-Beratung ${pseudonym}` }).waitFor();
    await expect(page.locator('main')).toContainText('Welche Ressourcen im Sozialraum passen?');
    // A new session without date and place: German problems at the fields and in a linked summary.
    await page.getByRole('button', { name: 'Beratung terminieren' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    await expect(summary.getByRole('link', { name: /^Ort:/ })).toHaveCount(1);
    expect(await englishMessages(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    // Into the session that is planned.
    const sessions = page.getByRole('combobox', { name: 'Sitzung', exact: true });
    await sessions.selectOption((await sessions.locator('option', { hasText: 'Familienzentrum Teltow' }).getAttribute('value'))!);
    await page.getByRole('button', { name: 'Beratung terminieren' }).click();
    await expect(page.getByText(/Die Beratung ist für den .* terminiert\./)).toBeVisible();
    await expect(page.locator('dl.facts')).toContainText('terminiert');

    // Invite the adviser from the list of known advisers, after a confirmation.
    await page.getByRole('checkbox', { name: /Demo Externe Beratung/ }).check();
    await page.getByRole('button', { name: 'Ausgewählte einladen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Externe Beratungen einladen?' });
    await expect(dialog).toContainText('Demo Externe Beratung erhält Zugang zum pseudonymisierten Paket');
    expect(await englishMessages(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Einladen' }).click();
    await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Eingeladene externe Beratungen' }) })).toContainText(
      'eingeladen, noch keine Empfehlung',
    );
    await checkPage('fallteam-consultation');
    // The caseworker releases the packet on the case page (its own journey).
    await http().post(`/consultations/${consultationId}/packet-release`).set('Authorization', cw).expect(201);

    // Cancelling another consultation asks first and names what happens.
    await page.goto(`/beratungen/${otherConsultationId}`);
    await page.getByRole('heading', { name: `Fallteam-Beratung ${pseudonym}` }).waitFor();
    await page.getByLabel('Grund der Absage').fill('Die Familie hat die Hilfe selbst organisiert.');
    await page.getByRole('button', { name: 'Beratung absagen' }).click();
    const cancel = page.getByRole('dialog', { name: 'Beratung absagen?' });
    await expect(cancel).toContainText('Das lässt sich nicht rückgängig machen');
    await cancel.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(page.locator('dl.facts')).toContainText('angefragt');
    await page.getByRole('button', { name: 'Beratung absagen' }).click();
    await page.getByRole('dialog', { name: 'Beratung absagen?' }).getByRole('button', { name: 'Beratung absagen' }).click();
    await expect(page.locator('dl.facts')).toContainText('abgesagt');
    await signOut();

    // The adviser: the task "Empfehlung abgeben" leads to the packet with the recommendation form.
    await signInAs(page, 'Demo Externe Beratung');
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    await page.getByRole('link', { name: 'Empfehlung abgeben' }).click();
    await page.getByRole('heading', { name: `Fallvorstellung ${pseudonym}` }).waitFor();
    const main = page.locator('main');
    for (const secret of ['Mustermann', 'Lindenallee', 'Hildegard', 'Schulden']) await expect(main).not.toContainText(secret);
    await page.getByRole('button', { name: 'Empfehlung abgeben' }).click();
    await page.getByRole('dialog', { name: 'Empfehlung abgeben?' }).getByRole('button', { name: 'Empfehlung abgeben' }).click();
    await expect(page.locator('.error-summary')).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    expect(await englishMessages(page)).toEqual([]);
    await page.getByRole('textbox', { name: /^Empfehlung / }).fill('Anbindung an den Jugendclub am Markt und eine Lernpatenschaft.');
    await page.getByRole('button', { name: 'Hilfe hinzufügen' }).click();
    await page.getByLabel('Vorgeschlagene Hilfe 1').fill('Lernpatenschaft über das Familienzentrum');
    await page.getByRole('button', { name: 'Empfehlung abgeben' }).click();
    await page.getByRole('dialog', { name: 'Empfehlung abgeben?' }).getByRole('button', { name: 'Empfehlung abgeben' }).click();
    await expect(page.getByText(/Ihre Empfehlung wurde am .* gespeichert/)).toBeVisible();
    await checkPage('adviser-recommendation');
    await signOut();

    // The moderator records the outcome once the session has begun.
    await signInAs(page, 'Demo Fachkraft (ASD)');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, sessionStartsAt - Date.now()) + 1_000));
    await page.goto(`/beratungen/${consultationId}`);
    await page.getByRole('heading', { name: `Fallteam-Beratung ${pseudonym}` }).waitFor();
    const recommendations = page.locator('section', { has: page.getByRole('heading', { name: 'Empfehlungen der externen Beratungen' }) });
    await expect(recommendations).toContainText('Lernpatenschaft über das Familienzentrum');
    await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Eingeladene externe Beratungen' }) })).toContainText(
      'Empfehlung abgegeben am',
    );
    // Submitted without decision: German problems, nothing lost.
    await page.getByRole('button', { name: 'Ergebnis speichern' }).click();
    await page.getByRole('dialog', { name: 'Ergebnis dokumentieren?' }).getByRole('button', { name: 'Ergebnis speichern' }).click();
    await expect(page.locator('.error-summary')).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    expect(await englishMessages(page)).toEqual([]);

    const second = page.getByRole('group', { name: 'Teilnehmende*r 2' });
    await second.getByRole('combobox', { name: /^Fachkraft/ }).selectOption('__andere');
    await second.getByLabel(/^Benutzerkennung/).fill('demo-coordinator');
    await page.getByRole('button', { name: 'Teilnehmende*n hinzufügen' }).click();
    const third = page.getByRole('group', { name: 'Teilnehmende*r 3' });
    await third.getByRole('combobox', { name: /^Rolle/ }).selectOption('adviser');
    await third.getByRole('combobox', { name: /^Externe Beratung/ }).selectOption('demo-adviser');
    await page.getByRole('textbox', { name: /^Empfehlungen des Fallteams/ }).fill('Schulsozialarbeit einbeziehen');
    await page
      .getByRole('textbox', { name: /^Entscheidung des Jugendamts/ })
      .fill('Hilfe über den Jugendclub und eine Lernpatenschaft, keine stationäre Hilfe.');
    await page
      .getByRole('textbox', { name: /^Hilfesetting/ })
      .fill('Jugendclub am Markt zweimal die Woche; Lernpate aus dem Familienzentrum.');
    // The moderator chooses the follow-up: two years ahead is refused at the field, nothing typed is lost.
    const followUp = page.getByRole('textbox', { name: /^Wiedervorlage am/ });
    await followUp.fill(germanDate(730));
    await page.getByRole('button', { name: 'Ergebnis speichern' }).click();
    await page.getByRole('dialog', { name: 'Ergebnis dokumentieren?' }).getByRole('button', { name: 'Ergebnis speichern' }).click();
    await expect(page.locator('.error-summary')).toContainText('Wiedervorlage');
    await expect(page.locator('.error-summary')).toContainText('höchstens ein Jahr');
    expect(await englishMessages(page)).toEqual([]);
    expect(await page.getByRole('textbox', { name: /^Hilfesetting/ }).inputValue()).toContain('Lernpate aus dem Familienzentrum');
    await followUp.fill(germanDate(42));
    await page.getByRole('button', { name: 'Ergebnis speichern' }).click();
    await page.getByRole('dialog', { name: 'Ergebnis dokumentieren?' }).getByRole('button', { name: 'Ergebnis speichern' }).click();
    await page.getByRole('heading', { name: 'Ergebnis', exact: true }).waitFor();
    await expect(page.locator('dl.facts')).toContainText('Ergebnis dokumentiert');
    await expect(page.locator('dl.facts dt:text-is("Wiedervorlage") + dd')).toHaveText(germanDate(42));
    await expect(page.locator('main')).toContainText('keine stationäre Hilfe');
    await checkPage('fallteam-outcome');
    await signOut();

    // After the outcome the adviser's packet is gone, with a clear message.
    await signInAs(page, 'Demo Externe Beratung');
    await page.goto(`/beratungen/${consultationId}`);
    await page.getByRole('heading', { name: 'Fallvorstellung nicht verfügbar' }).waitFor();
    await expect(page.locator('main')).toContainText('Das Ergebnis der Beratung ist dokumentiert');
    await checkPage('adviser-packet-gone');
    expect(web.consoleErrors).toEqual([]);
  });
});
