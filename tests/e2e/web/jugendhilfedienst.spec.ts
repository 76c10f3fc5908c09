import request from 'supertest';
import { Role } from '@sro/common';
import { bearer } from '../../support/tokens';
import { accessibilityViolations, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';

jest.setTimeout(240_000);

/**
 * The Jugendhilfedienst in the browser, through the UI only: intake of a report, classification,
 * § 8a assessment with two professionals, help plan with goals and review interval, a review, time entries.
 */
describe('web app: a caseworker runs the Jugendhilfedienst process and records time', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;

  beforeAll(async () => {
    web = await webSystem('web-jugendhilfedienst');
  });
  afterAll(() => web?.close());

  const checkPage = async (name: string) => {
    expect(await englishMessages(web.page)).toEqual([]);
    expect(await accessibilityViolations(web.page)).toEqual([]);
    await screenshot(web.page, name);
  };
  const confirmWith = async (title: string, button: string) =>
    web.page.getByRole('dialog', { name: title }).getByRole('button', { name: button }).click();

  it('takes in a report, classifies it, assesses it under § 8a, plans and reviews help, and records time', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Fachkraft (ASD)');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Jugendhilfedienst' }).click();
    await page.getByRole('heading', { name: 'Jugendhilfedienst', exact: true }).waitFor();
    await expect(page.locator('main')).toContainText('Es gibt keine Fälle des Jugendhilfedienstes.');

    // Intake: submitted empty, every problem is German, at its field and in the linked summary.
    await page.getByRole('link', { name: 'Meldung aufnehmen' }).click();
    await page.getByRole('heading', { name: 'Meldung aufnehmen' }).waitFor();
    await page.getByRole('button', { name: 'Meldung aufnehmen' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    await expect(summary.getByRole('link', { name: /^Inhalt der Meldung:/ })).toHaveCount(1);
    await checkPage('jhd-intake-errors');
    await page.getByRole('combobox', { name: /^Sozialraum/ }).selectOption({ label: 'Sozialraum Teltow' });
    await page.getByRole('combobox', { name: /^Bekannt geworden durch/ }).selectOption({ label: 'Schule' });
    await page
      .getByRole('textbox', { name: /^Inhalt der Meldung/ })
      .fill('Die Klassenlehrerin berichtet, Mia komme seit Wochen ohne Frühstück und müde.');
    await page.getByRole('textbox', { name: /^Name der meldenden Person/ }).fill('Frau Lehmann, Grundschule Teltow');
    await page.getByRole('textbox', { name: 'Familienname' }).fill('Beispiel');
    await page.getByRole('button', { name: 'Kind hinzufügen' }).click();
    await page.getByLabel(/^Geburtsdatum Kind 1/).fill('14.05.2017');
    await page.getByRole('button', { name: 'Meldung aufnehmen' }).click();
    const heading = page.getByRole('heading', { name: /^Jugendhilfedienst F-\d{4}-/ });
    await heading.waitFor();
    const pseudonym = (await heading.innerText()).replace('Jugendhilfedienst ', '');
    const caseId = new URL(page.url()).pathname.split('/')[2];
    await expect(page.locator('dl.facts')).toContainText('Einordnung');
    await expect(page.locator('ol.steps')).toContainText('Frist');

    // Classification: Gefährdungsbereich; the § 8a assessment is due next.
    await page.getByRole('radio', { name: 'Gefährdungsbereich' }).check();
    await page.getByRole('button', { name: 'Einordnung speichern' }).click();
    await page.getByRole('heading', { name: '§ 8a-Einschätzung' }).waitFor();
    await checkPage('jhd-classified');

    // The task "§ 8a-Einschätzung" links to the form.
    await nav.getByRole('link', { name: 'Meine Aufgaben' }).click();
    const task = page.getByRole('link', { name: '§ 8a-Einschätzung' });
    await expect(task).toHaveAttribute('href', `/faelle/${caseId}/jugendhilfedienst#einschaetzung`);
    await task.click();
    await page.getByRole('heading', { name: '§ 8a-Einschätzung' }).waitFor();

    // Submitted incomplete: German problems, nothing typed lost.
    await page.getByRole('button', { name: 'Einschätzung speichern' }).click();
    await confirmWith('§ 8a-Einschätzung abschließen?', 'Einschätzung speichern');
    await expect(summary).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    await checkPage('jhd-assessment-errors');

    const second = page.getByRole('group', { name: 'Fachkraft 2' });
    await second.getByRole('combobox', { name: /^Person/ }).selectOption('__extern');
    await second.getByRole('textbox', { name: /^Funktion/ }).fill('Insoweit erfahrene Fachkraft');
    // The session ends while the form is open: after signing in again the form is as it was.
    await page.evaluate(
      `(() => { const s = JSON.parse(sessionStorage.getItem('sro.session')); sessionStorage.setItem('sro.session', JSON.stringify({ ...s, expiresAt: Date.now() - 1000 })); })()`,
    );
    await page.reload();
    await page.getByRole('button', { name: 'Anmelden als Demo Fachkraft (ASD)' }).click();
    await page.getByRole('heading', { name: '§ 8a-Einschätzung' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'wiederhergestellt' })).toBeVisible();
    await expect(second.getByRole('textbox', { name: /^Funktion/ })).toHaveValue('Insoweit erfahrene Fachkraft');
    expect(new URL(page.url()).pathname).toBe(`/faelle/${caseId}/jugendhilfedienst`);
    await page
      .getByRole('group', { name: /^Eltern einbezogen/ })
      .getByRole('radio', { name: 'ja' })
      .check();
    await page
      .getByRole('group', { name: /^Kind einbezogen/ })
      .getByRole('radio', { name: 'nein' })
      .check();
    await page
      .getByRole('textbox', { name: /^Warum nicht einbezogen/ })
      .fill('Das Kind ist sieben; es wird im nächsten Schritt altersgerecht beteiligt.');
    await page
      .getByRole('group', { name: /^Hausbesuch/ })
      .getByRole('radio', { name: 'ja' })
      .check();
    await page.getByRole('radio', { name: 'Latente Gefährdung' }).check();
    await page.getByRole('checkbox', { name: 'Vernachlässigung' }).check();
    await page.getByRole('radio', { name: 'weiblich' }).check();
    await page
      .getByRole('group', { name: 'Neu eingeleitete oder geplante Hilfen' })
      .getByRole('checkbox', { name: 'Hilfe zur Erziehung (§§ 27–35)' })
      .check();
    await page
      .getByRole('textbox', { name: /^Einschätzung/ })
      .fill('Versorgung zeitweise unzureichend, Mutter kooperiert; keine akute Gefahr.');
    await page.getByRole('textbox', { name: /^Erwartete Dauer der Hilfe/ }).fill('3');
    await page.getByRole('button', { name: 'Einschätzung speichern' }).click();
    await confirmWith('§ 8a-Einschätzung abschließen?', 'Einschätzung speichern');
    await page.getByRole('heading', { name: 'Hilfeplan aufstellen' }).waitFor();
    await expect(page.locator('main')).toContainText('Latente Gefährdung');

    // Help plan: goals as rows, participants, review after "3 Monate".
    await page.getByRole('checkbox', { name: 'Förderung der Erziehung in der Familie (§§ 16–18)' }).check();
    await page.getByRole('textbox', { name: /^Ziel 1/ }).fill('Mia frühstückt an Schultagen zu Hause.');
    await page.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    await page.getByRole('textbox', { name: /^Ziel 2/ }).fill('Die Mutter nutzt das Elterncafé im Familienzentrum.');
    await page
      .getByRole('textbox', { name: /^Vereinbarungen/ })
      .fill('Familienhilfe zweimal die Woche; Mutter meldet sich im Familienzentrum an.');
    await page.getByRole('button', { name: 'Beteiligte*n hinzufügen' }).click();
    await page.getByRole('textbox', { name: /^Name und Rolle, Beteiligte\*r 1/ }).fill('Mutter');
    await expect(page.locator('main')).toContainText('Erste Überprüfung am');
    await page.getByRole('button', { name: 'Hilfeplan speichern' }).click();
    await confirmWith('Hilfeplan speichern?', 'Hilfeplan speichern');
    await page.getByRole('heading', { name: 'Hilfeplan überprüfen' }).waitFor();
    await expect(page.locator('dl.facts')).toContainText('Hilfe läuft');
    await expect(page.locator('main')).toContainText('Die Mutter nutzt das Elterncafé im Familienzentrum.');
    await checkPage('jhd-help-plan');

    // A review of the plan.
    await page.getByRole('textbox', { name: /^Ergebnis der Überprüfung/ }).fill('Frühstück klappt meistens; Elterncafé zweimal besucht.');
    await page.getByRole('button', { name: 'Überprüfung speichern' }).click();
    await expect(page.locator('main')).toContainText('Frühstück klappt meistens');
    await expect(page.locator('main')).toContainText('bisher 1 Überprüfung');
    await checkPage('jhd-review');

    // Time entries: empty first (German problems), then preventive and case time; totals and the share.
    await nav.getByRole('link', { name: 'Zeiterfassung' }).click();
    await page.getByRole('heading', { name: 'Zeiterfassung' }).waitFor();
    await page.getByRole('button', { name: 'Zeit erfassen' }).click();
    await expect(summary).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    expect(await englishMessages(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'Stunden' }).fill('1');
    await page.getByRole('textbox', { name: 'Minuten' }).fill('30');
    await page.getByRole('radio', { name: 'Fallunspezifische Sozialraumarbeit' }).check();
    await page.getByRole('combobox', { name: /^Sozialraum/ }).selectOption({ label: 'Sozialraum Teltow' });
    await page.getByRole('textbox', { name: 'Notiz' }).fill('Sozialraumkonferenz Teltow');
    await page.getByRole('button', { name: 'Zeit erfassen' }).click();
    await expect(page.getByText('1:30 Std. Fallunspezifische Sozialraumarbeit am')).toBeVisible();
    await page.getByRole('textbox', { name: 'Stunden' }).fill('2');
    await page.getByRole('radio', { name: 'Fallarbeit' }).check();
    await page.getByRole('combobox', { name: /^Fall/ }).selectOption({ label: pseudonym });
    await page.getByRole('button', { name: 'Zeit erfassen' }).click();
    await expect(page.getByText('2:00 Std. Fallarbeit am')).toBeVisible();
    const table = page.locator('.data-table tbody');
    await expect(table.locator('tr')).toHaveCount(2);
    await expect(table).toContainText(`Fall ${pseudonym}`);
    const totals = page.locator('section', { has: page.getByRole('heading', { name: 'Summen der Woche' }) });
    await expect(totals).toContainText('3:30 Std.');
    await expect(totals).toContainText('Ihr Anteil: 42,9 %');
    await expect(totals).toContainText('Ziel erreicht');
    await checkPage('jhd-time-entries');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'jhd-time-entries-390');
    await page.setViewportSize({ width: 1366, height: 900 });

    // Deleting asks first.
    await table
      .locator('tr', { hasText: 'Fallarbeit' })
      .getByRole('button', { name: /^Löschen/ })
      .click();
    await confirmWith('Eintrag löschen?', 'Eintrag löschen');
    await expect(table.locator('tr')).toHaveCount(1);
    await expect(totals).toContainText('Ihr Anteil: 100 %');
    expect(web.consoleErrors).toEqual([]);
  });

  it('after an acute § 8a result requires the immediate protection before closing; legal hold and closure are confirmed', async () => {
    const { page } = web;
    const cw = await bearer(Role.Caseworker);
    const [space] = await web.db.query(`SELECT id FROM social_space WHERE name = 'Sozialraum Teltow'`);
    // Intake and classification were done through the UI above; here they only set the scene.
    const intake = await request(web.http)
      .post('/jugendhilfedienst-cases')
      .set('Authorization', cw)
      .send({
        socialSpaceId: space.id,
        source: 'police_court',
        report: 'Polizeieinsatz in der Nacht.',
        personal: { birthDates: ['2019-04-01'] },
      })
      .expect(201);
    const id = intake.body.id as string;
    await request(web.http)
      .post(`/jugendhilfedienst-cases/${id}/classification`)
      .set('Authorization', cw)
      .send({ zone: 'endangerment' })
      .expect(200);

    await page.goto(`/faelle/${id}/jugendhilfedienst#einschaetzung`);
    await page.getByRole('heading', { name: '§ 8a-Einschätzung' }).waitFor();
    const second = page.getByRole('group', { name: 'Fachkraft 2' });
    await second.getByRole('combobox', { name: /^Person/ }).selectOption('__extern');
    await second.getByRole('textbox', { name: /^Funktion/ }).fill('Insoweit erfahrene Fachkraft');
    await page
      .getByRole('group', { name: /^Eltern einbezogen/ })
      .getByRole('radio', { name: 'ja' })
      .check();
    await page
      .getByRole('group', { name: /^Kind einbezogen/ })
      .getByRole('radio', { name: 'ja' })
      .check();
    await page
      .getByRole('group', { name: /^Hausbesuch/ })
      .getByRole('radio', { name: 'ja' })
      .check();
    await page.getByRole('radio', { name: 'Akute Gefährdung' }).check();
    await expect(page.getByText('Akute Gefährdung: Nach dem Speichern ist sofort der Sofortschutz zu veranlassen')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Körperliche Misshandlung' }).check();
    await page.getByRole('radio', { name: 'männlich' }).check();
    await page.getByRole('textbox', { name: /^Einschätzung/ }).fill('Verletzungen sichtbar; das Kind kann heute nicht zu Hause bleiben.');
    await page.getByRole('textbox', { name: /^Erwartete Dauer der Hilfe/ }).fill('3');
    await page.getByRole('button', { name: 'Einschätzung speichern' }).click();
    const confirmAssessment = page.getByRole('dialog', { name: '§ 8a-Einschätzung abschließen?' });
    await expect(confirmAssessment).toContainText('Als Nächstes ist der Sofortschutz zu veranlassen');
    await confirmAssessment.getByRole('button', { name: 'Einschätzung speichern' }).click();
    await page.getByRole('heading', { name: 'Sofortschutz veranlassen' }).waitFor();

    // Closing is not possible before the protection is documented; the page says so.
    await expect(page.locator('main')).toContainText('Bei akuter Gefährdung ist zuerst der Sofortschutz zu dokumentieren');
    await expect(page.getByRole('button', { name: 'Fall abschließen' })).toHaveCount(0);
    await checkPage('jhd-immediate-protection');

    await page.getByRole('radio', { name: 'Inobhutnahme (§ 42 SGB VIII)' }).check();
    await page.getByRole('button', { name: 'Sofortschutz speichern' }).click();
    await confirmWith('Sofortschutz dokumentieren?', 'Sofortschutz speichern');
    await page.getByRole('heading', { name: 'Hilfeplan aufstellen' }).waitFor();
    await expect(page.locator('main')).toContainText('Inobhutnahme (§ 42 SGB VIII)');

    // Legal hold, then closure, each after a confirmation naming what happens.
    await page.getByRole('button', { name: 'Sperrvermerk setzen …' }).click();
    await page.getByRole('textbox', { name: /^Begründung des Sperrvermerks/ }).fill('Laufendes Verfahren beim Familiengericht');
    await page.getByRole('button', { name: 'Sperrvermerk setzen' }).click();
    const hold = page.getByRole('dialog', { name: 'Sperrvermerk setzen?' });
    await expect(hold).toContainText('über ihr Löschdatum hinaus aufbewahrt');
    await hold.getByRole('button', { name: 'Sperrvermerk setzen' }).click();
    await expect(page.locator('dl.facts')).toContainText('gesetzt: die Akte wird nicht gelöscht');
    await page.getByRole('button', { name: 'Abschluss vorbereiten' }).click();
    await page.getByRole('textbox', { name: /^Begründung des Abschlusses/ }).fill('Hilfe außerhalb des Jugendamts organisiert');
    await page.getByRole('button', { name: 'Fall abschließen' }).click();
    await confirmWith('Fall abschließen?', 'Fall abschließen');
    await expect(page.locator('dl.facts')).toContainText('abgeschlossen');
    await checkPage('jhd-closed');
    expect(web.consoleErrors).toEqual([]);
  });
});
