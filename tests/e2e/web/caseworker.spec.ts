import { accessibilityViolations, describedBy, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { eventually } from '../../support/eventually';

jest.setTimeout(180_000);

describe('web app: the caseworker’s journey (open a case, consent, Fallteam request, inbox)', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;

  beforeAll(async () => {
    web = await webSystem('web-caseworker');
    // A delivered reminder in the caseworker's inbox, as the worker writes it.
    const [{ id }] = await web.db.query(
      `INSERT INTO reminder (key, due_at, recipients, template, context, channels, status, sent_at)
       VALUES ('web-test/inbox', now(), '[{"type":"user","id":"demo-caseworker"}]', 'follow-up-due', '{"subjectTitle":"Fallteam F-2026-ALT","dueAt":"2026-05-01T08:00:00Z"}', '{in_app}', 'sent', now()) RETURNING id`,
    );
    await web.db.query(
      `INSERT INTO notification (user_id, reminder_id, title, body) VALUES ('demo-caseworker', $1, 'Wiedervorlage am 01.05.2026', 'Wiedervorlage für „Fallteam F-2026-ALT“ am 01.05.2026.')`,
      [id],
    );
  });
  afterAll(() => web?.close());

  it('opens a case (keeping the input on a server error), records a consent, requests a consultation and reads the inbox', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Fachkraft (ASD)');
    // Everyone starts on "Meine Aufgaben"; a caseworker without cases has none.
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/aufgaben');
    await expect(page.getByText('Keine offenen Aufgaben.')).toBeVisible();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Fälle' }).click();
    await page.getByRole('heading', { name: 'Meine Fälle' }).waitFor();
    await expect(page.getByText('Sie haben noch keine Fälle.')).toBeVisible();

    await page.getByRole('link', { name: 'Neuen Fall anlegen' }).click();
    await expect(page.locator('title')).toHaveText('Neuen Fall anlegen – SRO Engine');
    await page.getByRole('combobox', { name: /^Sozialraum/ }).selectOption({ label: 'Sozialraum Teltow' });
    await page.getByLabel('Bereich').selectOption({ label: 'Graubereich' });
    await page.getByLabel('Familienname').fill('Mustermann-Öztürk');
    await page.getByLabel('Vornamen').fill('Erika, Leon');
    await page.getByLabel('Geburtsdatum Kind 1').fill('31.02.2014'); // no calendar date
    await page.getByLabel('Anschrift').fill('Lindenallee 7, 14513 Teltow');
    // Family members as rows: relation from the list, name, birth date, household.
    await page.getByRole('button', { name: 'Familienmitglied hinzufügen' }).click();
    const grandmother = page.getByRole('group', { name: /^Familienmitglied 1/ });
    await grandmother.getByLabel('Beziehung', { exact: false }).first().selectOption('Großmutter');
    await grandmother.getByLabel(/^Name/).fill('Hildegard Mustermann');
    await grandmother.getByLabel(/^Geburtsdatum/).fill('12.07.1956');
    await grandmother.getByLabel('Lebt im Haushalt').uncheck();
    await page.getByLabel('Wille der Familie (in ihren Worten)').fill('Wir wollen, dass Leon wieder gern zur Schule geht.');
    await page.getByLabel('Ziele').fill('Regelmäßiger Schulbesuch');
    await page.getByLabel('Ressourcen des Sozialraums').fill('Jugendclub am Markt');
    await page.getByRole('button', { name: 'Fall anlegen' }).click();

    const birthDates = page.getByLabel('Geburtsdatum Kind 1');
    await expect(birthDates).toHaveAttribute('aria-invalid', 'true');
    // Named at its own row (the server names the list element, the field says so as soon as it is left).
    await expect(await describedBy(page, birthDates)).toContainText('Bitte ein gültiges Datum angeben (TT.MM.JJJJ).');
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    // The summary names the field and links to it (GOV.UK pattern).
    await summary.getByRole('link', { name: /^Geburtsdatum Kind 1: Bitte ein gültiges Datum/ }).click();
    expect(await birthDates.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await englishMessages(page)).toEqual([]);
    // Nothing typed is lost.
    await expect(page.getByLabel('Familienname')).toHaveValue('Mustermann-Öztürk');
    await expect(page.getByLabel('Wille der Familie (in ihren Worten)')).toHaveValue('Wir wollen, dass Leon wieder gern zur Schule geht.');
    await expect(birthDates).toHaveValue('31.02.2014');
    expect((await web.db.query('SELECT id FROM case_file')) as unknown[]).toHaveLength(0);
    await screenshot(page, 'caseworker-case-error');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The session ends while the form is open: after signing in again, the form is as it was.
    // (a string: the test's TypeScript has no DOM types; it runs in the page)
    await page.evaluate(`(() => {
      const session = JSON.parse(sessionStorage.getItem('sro.session'));
      sessionStorage.setItem('sro.session', JSON.stringify({ ...session, expiresAt: Date.now() - 1000 }));
    })()`);
    await page.reload();
    await page.getByRole('button', { name: 'Anmelden als Demo Fachkraft (ASD)' }).click();
    await page.getByRole('heading', { name: 'Neuen Fall anlegen' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'wiederhergestellt' })).toBeVisible();
    await expect(page.getByLabel('Familienname')).toHaveValue('Mustermann-Öztürk');
    await expect(page.getByRole('group', { name: /^Familienmitglied 1/ }).getByLabel(/^Name/)).toHaveValue('Hildegard Mustermann');

    await page.getByLabel('Geburtsdatum Kind 1').fill('03.02.2014');
    await page.getByRole('button', { name: 'Fall anlegen' }).click();
    const heading = page.getByRole('heading', { name: /^Fall F-\d{4}-/ });
    await heading.waitFor();
    const pseudonym = (await heading.innerText()).replace('Fall ', '');
    await expect(page.getByText('Mustermann-Öztürk (Erika, Leon)')).toBeVisible();

    const areas = page.getByRole('navigation', { name: 'Bereiche der Fallakte' });
    await areas.getByRole('link', { name: 'Einwilligungen' }).click();
    await page.getByRole('heading', { name: /^Einwilligungen/ }).waitFor();
    await page.getByLabel('Erteilt von').fill('Mutter (sorgeberechtigt)');
    await page.getByRole('checkbox', { name: 'Familienname' }).check();
    await page.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await expect(page.getByText('Die Einwilligung wurde gespeichert.')).toBeVisible();
    const consentRow = page.locator('table tbody tr', { hasText: 'Mutter (sorgeberechtigt)' });
    await expect(consentRow).toContainText('Erweitertes Fallteam');
    await expect(consentRow).toContainText('Familienname');

    await areas.getByRole('link', { name: 'Fallteam' }).click();
    await page.getByLabel('Fragen an das Fallteam').fill('Welche Ressourcen im Sozialraum passen?');
    await page.getByRole('button', { name: 'Fallteam-Beratung anfragen' }).click();
    await expect(page.getByText(`Fallteam-Beratung für ${pseudonym} angefragt`)).toBeVisible();
    const [consultation] = await web.db.query(
      'SELECT c.id FROM consultation c JOIN case_file f ON f.id = c.case_id WHERE f.pseudonym = $1',
      [pseudonym],
    );
    expect(consultation).toBeDefined();
    await screenshot(page, 'caseworker-case');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The packet: a preview exactly as advisers would see it, warning on a name from the case; then the release.
    await page.getByRole('button', { name: /^Vorschau des Pakets/ }).click();
    await expect(page.getByText(/„Leon“, einen Namen aus der Fallakte/)).toBeVisible();
    await page.getByRole('button', { name: 'Paket freigeben' }).click();
    await expect(page.getByText(/Paket freigegeben am/)).toBeVisible();
    // Under a running consultation the case cannot be closed: the refusal shows in German.
    await areas.getByRole('link', { name: 'Überblick' }).click();
    await page.getByRole('button', { name: 'Fall abschließen …' }).click();
    await page.getByLabel('Begründung des Abschlusses').fill('Ziele erreicht');
    await page.getByRole('button', { name: 'Fall abschließen', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, Fall abschließen' }).click();
    await expect(page.getByText(/laufende Fallteam-Beratung/)).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The consultation's step reminders reach the caseworker: they show as follow-ups still ahead.
    await eventually(
      async () =>
        (
          await web.db.query(
            `SELECT 1 FROM reminder WHERE status = 'scheduled' AND recipients @> '[{"type":"user","id":"demo-caseworker"}]'`,
          )
        ).length > 0,
      30_000,
      'the consultation reminders',
    );
    // The request is a task now: "Fallteam terminieren" for the case, linking to the consultation's page.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Aufgaben' }).click();
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    const task = page.locator('table tbody tr', { hasText: 'Fallteam terminieren' });
    await expect(task).toContainText(`Fall ${pseudonym}`);
    await expect(task.getByRole('link', { name: 'Fallteam terminieren' })).toHaveAttribute('href', `/beratungen/${consultation.id}`);
    for (const secret of ['Mustermann', 'Erika']) await expect(page.locator('main')).not.toContainText(secret);
    await screenshot(page, 'caseworker-tasks');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Wiedervorlagen' }).click();
    await expect(page.locator('table tbody')).toContainText(`Fallteam ${pseudonym}`);

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Posteingang' }).click();
    const item = page.locator('.inbox li', { hasText: 'Wiedervorlage am 01.05.2026' });
    await expect(item).toContainText('neu');
    await item.getByRole('button', { name: /Als gelesen markieren/ }).click();
    await expect(page.locator('.inbox li.read', { hasText: 'Wiedervorlage am 01.05.2026' })).toHaveCount(1);
    expect((await web.db.query(`SELECT read_at FROM notification WHERE user_id = 'demo-caseworker'`))[0].read_at).not.toBeNull();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Fälle' }).click();
    await expect(page.locator('table tbody tr')).toHaveCount(1);
    await screenshot(page, 'caseworker');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(web.consoleErrors).toEqual([]);
  });
});
