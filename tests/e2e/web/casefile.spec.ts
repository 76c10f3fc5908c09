import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '@sro/common';
import { caseBody } from '../../factories/cases';
import { accessibilityViolations, describedBy, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { bearer } from '../../support/tokens';
import { eventually } from '../../support/eventually';
import { intakeBody } from '../../factories/jugendhilfedienst';

jest.setTimeout(240_000);

const germanDay = (offsetDays: number, years = 0) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate() + offsetDays);
  const iso = date.toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
};
const berlinToday = () =>
  new Date().toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

/** A small PDF (the type is recognised by its content). */
const PDF = Buffer.from('%PDF-1.4\n% Schulbericht\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('web app: the caseworker keeps a case file (search, edit with a conflict, notes, documents, follow-ups, closure)', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;
  let documentDir: string;
  let previousDocumentDir: string | undefined;
  let caseId: string;
  let pseudonym: string;
  let cw: string;
  let spaceId: string;
  const api = () => request(web.http);

  beforeAll(async () => {
    documentDir = mkdtempSync(join(tmpdir(), 'sro-web-documents-'));
    previousDocumentDir = process.env.DOCUMENT_DIR;
    process.env.DOCUMENT_DIR = documentDir;
    // A small limit, so that a refused size (413) needs no 20 MB upload.
    process.env.DOCUMENT_MAX_BYTES = String(100 * 1024);
    web = await webSystem('web-casefile');
    [{ id: spaceId }] = await web.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    // Preconditions through the API (opening a case through the UI is the caseworker journey's part):
    // the caseworker's own case, and a case of a colleague in the same social space.
    cw = await bearer(Role.Caseworker);
    const created = await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201);
    caseId = created.body.id;
    pseudonym = created.body.pseudonym;
    const colleague = await bearer(Role.Caseworker, 'demo-caseworker-pr1-2');
    await api()
      .post('/cases')
      .set('Authorization', colleague)
      .send({ ...caseBody(spaceId), personal: { ...caseBody(spaceId).personal, familyName: 'Beispiel', givenNames: ['Mara'] } })
      .expect(201);
  });
  afterAll(async () => {
    await web?.close();
    if (previousDocumentDir === undefined) delete process.env.DOCUMENT_DIR;
    else process.env.DOCUMENT_DIR = previousDocumentDir;
    delete process.env.DOCUMENT_MAX_BYTES;
    rmSync(documentDir, { recursive: true, force: true });
  });

  it('searches, edits through a stale-version conflict without losing input, keeps notes, documents and follow-ups, closes and re-opens', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Fachkraft (ASD)');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Fälle' }).click();
    await page.getByRole('heading', { name: 'Meine Fälle' }).waitFor();
    const rows = page.locator('table tbody tr');
    await expect(rows).toHaveCount(2);
    // The colleague's case is listed only with pseudonym and whom to ask: no name, no link.
    const restricted = rows.filter({ hasText: 'nicht in Ihrem Fallteam' });
    await expect(restricted).toContainText('Demo Fachkraft PR 1 (2)');
    await expect(restricted.getByRole('link')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('Beispiel');

    // Readable on a phone: the table becomes cards.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'casefile-list-390');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Search by the family name in another spelling (the API's blind index folds umlauts).
    await page.getByRole('textbox', { name: /^Suche/ }).fill('Oeztuerk');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'gefunden' })).toHaveText('1 Fall gefunden.');
    await expect(rows).toHaveCount(1);
    await rows.getByRole('link', { name: pseudonym }).click();
    await page.getByRole('heading', { name: `Fall ${pseudonym}` }).waitFor();
    await expect(page.locator('title')).toHaveText(`Überblick – Fall ${pseudonym} – SRO Engine`);
    const areas = page.getByRole('navigation', { name: 'Bereiche der Fallakte' });
    await expect(areas.getByRole('link', { name: 'Überblick' })).toHaveAttribute('aria-current', 'page');

    await areas.getByRole('link', { name: 'Beteiligte' }).click();
    await expect(page.locator('table tbody tr', { hasText: 'Großmutter' })).toContainText('Hildegard Mustermann');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A consent for help planning, then its revocation, which asks first.
    await areas.getByRole('link', { name: 'Einwilligungen' }).click();
    await page.getByLabel('Erteilt von').fill('Vater (sorgeberechtigt)');
    await page.getByRole('combobox', { name: /^Zweck/ }).selectOption({ label: 'Hilfeplanung' });
    await page.getByRole('checkbox', { name: 'Vornamen' }).check();
    await page.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Die Einwilligung wurde gespeichert.' })).toBeVisible();
    const consent = page.locator('table tbody tr', { hasText: 'Vater (sorgeberechtigt)' });
    await expect(consent).toContainText('Hilfeplanung');
    await consent.getByRole('button', { name: /^Widerruf erfassen/ }).click();
    await expect(page.getByRole('dialog')).toContainText('gilt ab heute nicht mehr');
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, Widerruf erfassen' }).click();
    await expect(consent).toContainText('widerrufen am');
    expect(await accessibilityViolations(page)).toEqual([]);
    await areas.getByRole('link', { name: 'Beteiligte' }).click();

    // Edit: the form starts from the file; family members as rows, dates as TT.MM.JJJJ.
    await page.getByRole('link', { name: 'Beteiligte bearbeiten' }).click();
    await page.getByRole('heading', { name: 'Fall bearbeiten' }).waitFor();
    await expect(page.getByLabel('Geburtsdatum Kind 1')).toHaveValue('03.02.2014');
    await expect(page.getByRole('group', { name: /^Familienmitglied 1/ }).getByLabel(/^Name/)).toHaveValue('Hildegard Mustermann');
    const will = 'Leon möchte wieder gern zur Schule gehen und im Verein Fußball spielen.';
    await page.getByLabel('Wille der Familie (in ihren Worten)').fill(will);
    await page.getByRole('button', { name: 'Familienmitglied hinzufügen' }).click();
    const mother = page.getByRole('group', { name: /^Familienmitglied 2/ });
    await mother.getByLabel('Beziehung', { exact: false }).first().selectOption('Mutter');
    await mother.getByLabel(/^Name/).fill('Erika Mustermann-Öztürk');
    await mother.getByLabel(/^Geburtsdatum/).fill('01.05.1985');

    // Meanwhile a colleague's change is saved (through the API): the edited version is stale now.
    const before = await api().get(`/cases/${caseId}/file`).set('Authorization', cw).expect(200);
    await api()
      .patch(`/cases/${caseId}`)
      .set('Authorization', cw)
      .set('If-Match', `"${before.body.version}"`)
      .send({ goals: ['Regelmäßiger Schulbesuch', 'Hausaufgabenhilfe im Jugendclub'] })
      .expect(200);

    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'inzwischen geändert' });
    await expect(conflict).toContainText('nichts wurde gespeichert');
    await expect(conflict).toContainText('Ziele');
    // Nothing typed is lost.
    await expect(page.getByLabel('Wille der Familie (in ihren Worten)')).toHaveValue(will);
    await expect(mother.getByLabel(/^Name/)).toHaveValue('Erika Mustermann-Öztürk');
    await expect(mother.getByLabel(/^Geburtsdatum/)).toHaveValue('01.05.1985');
    await expect(conflict.getByRole('button', { name: 'Aktuelle Fassung laden' })).toBeVisible();
    expect(await englishMessages(page)).toEqual([]);
    await screenshot(page, 'casefile-conflict');
    expect(await accessibilityViolations(page)).toEqual([]);
    const unchanged = await api().get(`/cases/${caseId}/file`).set('Authorization', cw).expect(200);
    expect(unchanged.body.will).not.toBe(will);

    await conflict.getByRole('button', { name: 'Meine Eingaben behalten und erneut prüfen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'aktuelle Fassung' })).toBeVisible();
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Die Änderungen wurden gespeichert.' })).toBeVisible();
    await expect(page.locator('blockquote')).toHaveText(will);
    const edited = await api().get(`/cases/${caseId}/file`).set('Authorization', cw).expect(200);
    expect(edited.body.will).toBe(will);
    expect(edited.body.personal.familyMembers).toMatchObject([
      { relation: 'Großmutter', name: 'Hildegard Mustermann' },
      { relation: 'Mutter', name: 'Erika Mustermann-Öztürk', birthDate: '1985-05-01', livesInHousehold: true },
    ]);

    // A second conflict: this time the person takes the current version instead of their input.
    await page.getByRole('link', { name: 'Fall bearbeiten' }).click();
    await page.getByLabel('Anschrift').fill('Am Markt 1, 14513 Teltow');
    await api()
      .patch(`/cases/${caseId}`)
      .set('Authorization', cw)
      .set('If-Match', `"${edited.body.version}"`)
      .send({ will: 'Die Familie wünscht sich Ruhe.' })
      .expect(200);
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'inzwischen geändert' })
      .getByRole('button', { name: 'Aktuelle Fassung laden' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'Ihre Eingaben wurden verworfen' })).toBeVisible();
    await expect(page.getByLabel('Anschrift')).toHaveValue('Lindenallee 7, 14513 Teltow');
    await expect(page.getByLabel('Wille der Familie (in ihren Worten)')).toHaveValue('Die Familie wünscht sich Ruhe.');
    await page.getByLabel('Wille der Familie (in ihren Worten)').fill(will);
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Die Änderungen wurden gespeichert.' })).toBeVisible();
    await expect(page.locator('blockquote')).toHaveText(will);

    // The history names fields, who and when; never values.
    await areas.getByRole('link', { name: 'Verlauf' }).click();
    const latest = page.locator('table tbody tr', { hasText: 'Familienmitglieder' });
    await expect(latest).toContainText('Änderung');
    await expect(latest).toContainText('Wille');
    await expect(latest).toContainText('Familienmitglieder');
    await expect(latest).toContainText('Sie (Demo Fachkraft (ASD))');
    await expect(page.locator('main')).not.toContainText(will);

    // Notes: an empty submit is named in German at the fields; then a note and a correction.
    await areas.getByRole('link', { name: 'Notizen' }).click();
    await page.getByRole('heading', { name: /^Notizen/ }).waitFor();
    await expect(page.getByRole('textbox', { name: /^Datum/ })).toHaveValue(berlinToday());
    await page.getByRole('button', { name: 'Vermerk speichern' }).click();
    await expect(page.locator('.error-summary')).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    await expect(await describedBy(page, page.getByRole('combobox', { name: /^Art/ }))).toContainText(
      'Bitte wählen Sie die Art des Vermerks',
    );
    await expect(await describedBy(page, page.getByRole('textbox', { name: /^Text/ }))).toContainText('Bitte geben Sie den Text');
    expect(await englishMessages(page)).toEqual([]);
    await page.getByRole('combobox', { name: /^Art/ }).selectOption({ label: 'Hausbesuch' });
    await page.getByRole('textbox', { name: /^Text/ }).fill('Leon zeigt sein Zeugnis; die Großmutter hilft bei den Hausaufgaben.');
    await page.getByRole('button', { name: 'Vermerk speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Der Vermerk wurde gespeichert.' })).toBeVisible();
    await expect(page.locator('.notes li')).toHaveCount(1);
    await page.getByRole('button', { name: /^Korrektur erfassen zu Hausbesuch/ }).click();
    await expect(page.getByRole('heading', { name: 'Korrektur erfassen' })).toBeVisible();
    await page.getByRole('textbox', { name: /^Text/ }).fill('Korrektur: Es war das Halbjahreszeugnis.');
    await page.getByRole('button', { name: 'Korrektur speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Die Korrektur wurde gespeichert.' })).toBeVisible();
    await expect(page.locator('.notes li')).toHaveCount(2);
    await expect(page.locator('.notes li').first()).toContainText('Korrektur zu Hausbesuch vom');
    await expect(page.locator('.notes li.corrected')).toContainText('Berichtigt durch Hausbesuch vom');
    await screenshot(page, 'casefile-notes');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Documents: a wrong type is named in German; a PDF is stored and comes back byte for byte.
    await areas.getByRole('link', { name: 'Dokumente' }).click();
    await page.getByRole('heading', { name: 'Dokumente', exact: true }).waitFor();
    await page
      .getByLabel(/^Datei/)
      .setInputFiles({ name: 'Akte.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(200 * 1024, 32)]) });
    await page.getByRole('button', { name: 'Hochladen' }).click();
    await expect(page.locator('.error-summary')).toContainText('Datei: Die Datei ist zu groß. Erlaubt sind höchstens 0,1 MB.');
    expect(await englishMessages(page)).toEqual([]);
    await page.getByLabel(/^Datei/).setInputFiles({ name: 'notiz.txt', mimeType: 'text/plain', buffer: Buffer.from('nur Text') });
    await page.getByRole('button', { name: 'Hochladen' }).click();
    await expect(page.locator('.error-summary')).toContainText('Datei: Dieser Dateityp wird nicht angenommen');
    await expect(await describedBy(page, page.getByLabel(/^Datei/))).toContainText('Dieser Dateityp wird nicht angenommen');
    expect(await englishMessages(page)).toEqual([]);
    await page.getByLabel(/^Datei/).setInputFiles({ name: 'Schulbericht.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Hochladen' }).click();
    await expect(page.getByRole('status').filter({ hasText: '„Schulbericht.pdf“ wurde verschlüsselt abgelegt.' })).toBeVisible();
    const documentRow = page.locator('table tbody tr', { hasText: 'Schulbericht.pdf' });
    await expect(documentRow).toContainText('PDF');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      documentRow.getByRole('button', { name: /^Herunterladen/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Schulbericht.pdf');
    expect(readFileSync((await download.path())!).equals(PDF)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Own follow-ups: a date in the past is refused in German; then one is set and marked done.
    await areas.getByRole('link', { name: 'Wiedervorlagen' }).click();
    await page.getByRole('heading', { name: 'Wiedervorlagen', exact: true }).waitFor();
    await page.getByLabel('Wiedervorlage am').fill(germanDay(-3));
    await page.getByLabel('Worum es geht').fill('Rückmeldung der Schule einholen');
    await page.getByRole('button', { name: 'Wiedervorlage setzen' }).click();
    await expect(page.locator('.error-summary')).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    expect(await englishMessages(page)).toEqual([]);
    await expect(page.getByLabel('Worum es geht')).toHaveValue('Rückmeldung der Schule einholen');
    await page.getByLabel('Wiedervorlage am').fill(germanDay(7));
    await page.getByRole('button', { name: 'Wiedervorlage setzen' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Die Wiedervorlage am ${germanDay(7)} wurde gesetzt.` })).toBeVisible();
    const followUp = page.locator('table tbody tr', { hasText: 'Rückmeldung der Schule einholen' });
    await expect(followUp).toContainText('offen');
    // Its date moves: a past date is refused in German and kept in the field; then two weeks on, with its reminder.
    await followUp.getByRole('button', { name: /^Datum ändern/ }).click();
    const move = page.getByRole('form', { name: `Wiedervorlage vom ${germanDay(7)} verschieben` });
    await expect(move.getByRole('textbox', { name: /^Neues Datum/ })).toHaveValue(germanDay(7));
    await move.getByRole('textbox', { name: /^Neues Datum/ }).fill(germanDay(-1));
    await move.getByRole('button', { name: 'Verschieben' }).click();
    await expect(move.getByRole('textbox', { name: /^Neues Datum/ })).toHaveAttribute('aria-invalid', 'true');
    await expect(await describedBy(page, move.getByRole('textbox', { name: /^Neues Datum/ }))).toContainText(
      'darf nicht in der Vergangenheit liegen',
    );
    await expect(move.getByRole('textbox', { name: /^Neues Datum/ })).toHaveValue(germanDay(-1));
    expect(await englishMessages(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'casefile-follow-up-move-390');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
    await move.getByRole('textbox', { name: /^Neues Datum/ }).fill(germanDay(14));
    await move.getByRole('button', { name: 'Verschieben' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Die Wiedervorlage ist auf den ${germanDay(14)} verschoben.` })).toBeVisible();
    await expect(followUp).toContainText(germanDay(14));
    await screenshot(page, 'casefile-follow-up-moved');
    const [moved] = await web.db.query(`SELECT id, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM case_follow_up WHERE case_id = $1`, [
      caseId,
    ]);
    const isoDay = (offset: number) => germanDay(offset).split('.').reverse().join('-');
    expect(moved.due_on).toBe(isoDay(14));
    // One reminder waits, for the new date; the first one is cancelled.
    const reminders = await web.db.query(`SELECT status, due_at FROM reminder WHERE key LIKE $1 ORDER BY created_at`, [
      `case-follow-up/${caseId}/${moved.id}/%`,
    ]);
    expect(reminders.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'scheduled']);
    expect(new Date(reminders[1].due_at).toISOString()).toBe(`${isoDay(14)}T00:00:00.000Z`);
    const audited = await web.db.query(
      `SELECT 1 FROM audit_event WHERE resource_id = $1 AND action = 'move-follow-up' AND outcome = 'allowed'`,
      [caseId],
    );
    expect(audited.length).toBe(1);
    await followUp.getByRole('button', { name: /^Als erledigt markieren/ }).click();
    await expect(followUp).toContainText('erledigt am');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Closing asks first, naming the case and the deletion date the retention rule gives (no help: two years).
    await areas.getByRole('link', { name: 'Überblick' }).click();
    await page.getByRole('button', { name: 'Fall abschließen …' }).click();
    await page.getByRole('button', { name: 'Fall abschließen', exact: true }).click();
    await expect(page.locator('.error-summary')).toContainText('Bitte begründen Sie den Abschluss');
    await expect(await describedBy(page, page.getByLabel('Begründung des Abschlusses'))).toContainText('Bitte begründen Sie den Abschluss');
    await page.getByLabel('Begründung des Abschlusses').fill('Ziele erreicht, die Familie kommt allein zurecht');
    await page.getByRole('button', { name: 'Fall abschließen', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`Der Fall ${pseudonym} wird abgeschlossen`);
    await expect(dialog).toContainText(`Löschdatum nach der Aufbewahrungsregel: ${germanDay(0, 2)}`);
    expect(await englishMessages(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Ja, Fall abschließen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Der Fall wurde abgeschlossen.' })).toContainText(germanDay(0, 2));
    await expect(page.locator('.case-state')).toContainText('abgeschlossen am');
    expect((await web.db.query('SELECT closed_at FROM case_file WHERE id = $1', [caseId]))[0].closed_at).not.toBeNull();

    // Re-opening asks too; the deletion date goes.
    await page.getByRole('button', { name: 'Fall wieder öffnen …' }).click();
    await page.getByLabel('Begründung der Wiedereröffnung').fill('Erneute Meldung der Schule');
    await page.getByRole('button', { name: 'Fall wieder öffnen', exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText(`Der Fall ${pseudonym} wird wieder geöffnet`);
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, Fall wieder öffnen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Der Fall wurde wieder geöffnet.' })).toBeVisible();
    await expect(page.locator('.case-state')).toContainText('offen');

    // The legal hold, with a reason and a confirmation.
    await page.getByRole('button', { name: 'Sperrvermerk setzen …' }).click();
    await page.getByLabel('Begründung des Sperrvermerks').fill('Laufendes familiengerichtliches Verfahren');
    await page.getByRole('button', { name: 'Sperrvermerk setzen', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, Sperrvermerk setzen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Der Sperrvermerk wurde gesetzt.' })).toBeVisible();
    await expect(page.locator('.case-state')).toContainText('Sperrvermerk');
    expect((await web.db.query('SELECT legal_hold FROM case_file WHERE id = $1', [caseId]))[0].legal_hold).toBe(true);

    await areas.getByRole('link', { name: 'Verlauf' }).click();
    await expect(page.locator('table tbody')).toContainText('Wiedereröffnung');
    await expect(page.locator('table tbody')).toContainText('Erneute Meldung der Schule');
    await screenshot(page, 'casefile-history');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A Jugendhilfedienst case shows its process steps from the read model and links to the process pages.
    const jhd = await api().post('/jugendhilfedienst-cases').set('Authorization', cw).send(intakeBody(spaceId)).expect(201);
    await eventually(
      async () => ((await api().get(`/cases/${jhd.body.id}/file`).set('Authorization', cw)).body.jugendhilfedienst?.steps ?? []).length > 0,
      30_000,
      'the Jugendhilfedienst steps in the read model',
    );
    await page.goto(`/faelle/${jhd.body.id}/prozess`);
    await page.getByRole('heading', { name: 'Jugendhilfedienst', exact: true }).waitFor();
    await expect(page.locator('table tbody tr').first()).toContainText(/ausstehend|in Arbeit|erledigt/);
    await expect(page.getByRole('link', { name: /^Zum Jugendhilfedienst-Verfahren/ })).toHaveAttribute(
      'href',
      `/faelle/${jhd.body.id}/jugendhilfedienst`,
    );
    await screenshot(page, 'casefile-process');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await englishMessages(page)).toEqual([]);
    // The refused uploads (413, 415) and the stale save (412) were part of the journey; nothing else went wrong.
    expect(web.consoleErrors.filter((e) => !/status of (412|413|415)/.test(e))).toEqual([]);
  });

  it('shows the help plan with its goals and reviews in the Hilfeplan tab and leads to the review form', async () => {
    const { page } = web;
    // A case of the extended Fallteam has no help plan; the tab says so.
    await page.goto(`/faelle/${caseId}/hilfeplan`);
    await page.getByRole('heading', { name: 'Hilfeplan', exact: true }).waitFor();
    await expect(page.locator('main')).toContainText('einen Hilfeplan gibt es nur im Jugendhilfedienst-Verfahren');

    // Seeded through the API (the Jugendhilfedienst journey draws up help plans through the UI): a case in help with its plan.
    const jhd = await api().post('/jugendhilfedienst-cases').set('Authorization', cw).send(intakeBody(spaceId)).expect(201);
    const id: string = jhd.body.id;
    await api()
      .post(`/jugendhilfedienst-cases/${id}/classification`)
      .set('Authorization', cw)
      .send({ zone: 'service', expectedHelpDuration: 'P3M' })
      .expect(200);
    const isoToday = berlinToday().split('.').reverse().join('-');
    const planned = await api()
      .post(`/jugendhilfedienst-cases/${id}/help-plans`)
      .set('Authorization', cw)
      .send({
        planDate: isoToday,
        helpKinds: ['family_support'],
        goals: ['Leon frühstückt vor der Schule', 'Die Mutter nutzt das Elterncafé'],
        agreements: 'Sozialpädagogische Familienhilfe zweimal wöchentlich',
        participants: ['Mutter', 'Leon'],
      })
      .expect(200);
    const nextReviewAt: string = planned.body.helpPlan.nextReviewAt;
    await eventually(
      async () => (await api().get(`/cases/${id}/file`).set('Authorization', cw)).body.jugendhilfedienst?.phase === 'help',
      30_000,
      'the Jugendhilfedienst case in help in the read model',
    );

    await page.goto(`/faelle/${id}`);
    const areas = page.getByRole('navigation', { name: 'Bereiche der Fallakte' });
    await areas.getByRole('link', { name: 'Hilfeplan' }).click();
    await page.getByRole('heading', { name: 'Hilfeplan', exact: true }).waitFor();
    await expect(page.locator('title')).toHaveText(`Hilfeplan – Fall ${jhd.body.pseudonym} – SRO Engine`);
    const facts = page.locator('.facts');
    await expect(facts).toContainText(`Version 1 vom ${berlinToday()}`);
    await expect(facts).toContainText(nextReviewAt.split('-').reverse().join('.'));
    await expect(facts).toContainText('noch keine');
    const goals = page.getByRole('list', { name: 'Ziele des Hilfeplans Version 1' }).getByRole('listitem');
    await expect(goals).toHaveCount(2);
    expect(await goals.allInnerTexts()).toEqual(['Leon frühstückt vor der Schule', 'Die Mutter nutzt das Elterncafé']);
    await expect(page.locator('main')).toContainText('Sozialpädagogische Familienhilfe zweimal wöchentlich');
    const actions = page.getByRole('list', { name: 'Hilfeplan bearbeiten' });
    await expect(actions.getByRole('link', { name: 'Hilfeplan fortschreiben (neue Version)' })).toHaveAttribute(
      'href',
      `/faelle/${id}/jugendhilfedienst#hilfeplan`,
    );
    await screenshot(page, 'casefile-help-plan');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'casefile-help-plan-390');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });

    // The review form is the Jugendhilfedienst page's; an empty result is named in German, then the review is saved.
    await actions.getByRole('link', { name: 'Hilfeplan überprüfen' }).click();
    await page.getByRole('heading', { name: 'Hilfeplan überprüfen' }).waitFor();
    await page.getByRole('button', { name: 'Überprüfung speichern' }).click();
    await expect(page.getByRole('textbox', { name: /^Ergebnis der Überprüfung/ })).toHaveAttribute('aria-invalid', 'true');
    expect(await englishMessages(page)).toEqual([]);
    await page.getByRole('textbox', { name: /^Ergebnis der Überprüfung/ }).fill('Frühstück klappt an vier von fünf Tagen.');
    await page.getByRole('button', { name: 'Überprüfung speichern' }).click();
    await expect(page.locator('main')).toContainText('bisher 1 Überprüfung');

    await page.getByRole('link', { name: `Zur Fallakte ${jhd.body.pseudonym}` }).click();
    await areas.getByRole('link', { name: 'Hilfeplan' }).click();
    await expect(facts).toContainText(`1, zuletzt am ${berlinToday()}`);
    await expect(page.getByRole('list', { name: 'Überprüfungen des Hilfeplans Version 1' })).toContainText(`Überprüft am ${berlinToday()}`);
    await expect(page.getByRole('list', { name: 'Überprüfungen des Hilfeplans Version 1' })).toContainText(
      'Frühstück klappt an vier von fünf Tagen.',
    );
    expect(await englishMessages(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(web.consoleErrors.filter((e) => !/status of (412|413|415)/.test(e))).toEqual([]);
  });
});
