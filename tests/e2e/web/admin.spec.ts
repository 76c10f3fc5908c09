import request from 'supertest';
import { Role } from '@sro/common';
import { accessibilityViolations, describedBy, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { bearer } from '../../support/tokens';

jest.setTimeout(180_000);

describe('web app: the admin’s journey (definitions, draft with a problem at its field, diff, publish, migration, audit)', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;

  beforeAll(async () => {
    web = await webSystem('web-admin');
    const [space] = await web.db.query(`SELECT id FROM social_space WHERE name = 'Sozialraum Teltow'`);
    await request(web.http)
      .post('/sozialraum-processes')
      .set('Authorization', await bearer(Role.Coordinator))
      .send({ socialSpaceId: space.id })
      .expect(201);
    // A reminder that could not be delivered, for the reminders page.
    await web.db.query(
      `INSERT INTO reminder (key, due_at, recipients, template, context, channels, status, attempts, last_error)
       VALUES ('test/admin/failed', now() - interval '1 hour', '[{"type":"user","id":"demo-coordinator"}]', 'step-due',
               jsonb_build_object('processTitle', 'Sozialraum Teltow', 'stepTitle', 'Phase 1', 'dueAt', now()::text), '{in_app}', 'failed', 5, 'SMTP 550')`,
    );
  });
  afterAll(() => web?.close());

  it('adds a phase, a deliverable and a reminder in a draft, sees a problem at its field in German, compares, publishes and migrates after confirming, creates a user', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Administration');
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Definitionen' }).click();
    await page.getByRole('heading', { name: 'Workflow-Definitionen' }).waitFor();
    await expect(page.locator('table tbody tr')).toHaveCount(5);
    await page.getByRole('link', { name: 'Sozialraumentwicklung (sechs Phasen)' }).click();
    await page.getByRole('button', { name: 'Neuen Entwurf anlegen (aus Version 1)' }).click();
    await page.getByRole('heading', { name: /Version 2 \(Entwurf\)/ }).waitFor();
    await page.getByLabel('Änderungsnotiz').fill('Verstetigungsphase und Protokoll');

    // A deliverable in phase 3: added with its button, titled (the key follows the title).
    const phase3Deliverables = page.locator('[data-pointer="/phases/2/deliverables"]');
    const before = await phase3Deliverables.locator('fieldset.spec-entry').count();
    await phase3Deliverables.getByRole('button', { name: /^Nachweis hinzufügen/ }).click();
    await page.locator(`#feld-phases-2-deliverables-${before}-title`).fill('Protokoll der Werkstatt');
    await expect(page.locator(`#feld-phases-2-deliverables-${before}-key`)).toHaveValue('protokoll-der-werkstatt');
    // A new last phase with a second reminder.
    await page.getByRole('button', { name: /^Phase hinzufügen/ }).click();
    await page.locator('#feld-phases-6-title').fill('Verstetigung');
    const phase7 = page.locator('[data-pointer="/phases/6"]');
    await phase7.getByRole('button', { name: /^Erinnerung hinzufügen/ }).click();
    await page.locator('#feld-phases-6-reminderOffsets-1').fill('2');
    await page.getByLabel('Erinnerung 2 vor Fälligkeit (Einheit)').last().selectOption('D');
    // Reordering by keyboard-reachable buttons.
    await page.getByRole('button', { name: /^Nach oben\s*:\s*Phase 7/ }).click();
    await expect(page.locator('#feld-phases-5-title')).toHaveValue('Verstetigung');
    await page.getByRole('button', { name: /^Nach unten\s*:\s*Phase 6/ }).click();
    await expect(page.locator('#feld-phases-6-title')).toHaveValue('Verstetigung');

    // A duration of zero: the server's problem appears at the field, in German, without pointers.
    const duration = page.locator('#feld-phases-1-duration');
    await duration.fill('0');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect(duration).toHaveAttribute('aria-invalid', 'true');
    await expect(await describedBy(page, duration)).toContainText('Die Dauer muss länger als null sein.');
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('sie sind bei den Feldern markiert');
    await expect(summary).toContainText(/Phase 2 „[^“]+“ › Dauer: Die Dauer muss länger als null sein\./);
    await expect(summary).not.toContainText('/phases');
    await expect(page.getByLabel('Änderungsnotiz')).toHaveValue('Verstetigungsphase und Protokoll');
    await screenshot(page, 'admin-draft-error');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await englishMessages(page)).toEqual([]);

    await duration.fill('5');
    // A zero reads as no unit at all; the unit is chosen again.
    await page.locator('#feld-phases-1-duration + select').selectOption('M');
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await expect(page.getByText('Die Definition ist gültig.')).toBeVisible();
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect(page.getByText('Der Entwurf wurde gespeichert.')).toBeVisible();

    await page.getByRole('link', { name: 'Zurück zu den Versionen' }).click();
    await page.getByRole('button', { name: 'Vergleichen' }).click();
    const diff = page.locator('.diff-list');
    await expect(diff.getByRole('table', { name: /Phase „Verstetigung“: neu/ })).toBeVisible();
    await expect(diff).toContainText('Nachweis „Protokoll der Werkstatt“');
    await expect(diff).toContainText('4 Monate');
    await expect(diff).toContainText('5 Monate');
    await expect(diff).not.toContainText('"P');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: /Bearbeiten\s*Version 2/ }).click();
    await page.getByRole('button', { name: 'Veröffentlichen …' }).click();
    const publish = page.getByRole('dialog', { name: 'Version 2 veröffentlichen?' });
    await expect(publish).toContainText('Sozialraum Teltow');
    await expect(publish).toContainText('1 laufender Prozess läuft mit einer älteren Version');
    expect(await accessibilityViolations(page)).toEqual([]);
    await publish.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.getByRole('heading', { name: 'Sozialraumentwicklung (sechs Phasen)' }).waitFor();
    const versions = page.locator('section', { has: page.getByRole('heading', { name: 'Versionen' }) }).locator('tbody tr');
    await expect(versions.filter({ has: page.getByRole('cell', { name: '2', exact: true }) })).toContainText('veröffentlicht');
    await expect(versions.filter({ has: page.getByRole('cell', { name: '1', exact: true }) })).toContainText('außer Kraft');

    await page.getByLabel('Zielversion').selectOption('2');
    await page.getByRole('button', { name: 'Vorschau' }).click();
    await expect(page.getByText('Sozialraum Teltow')).toBeVisible();
    await page.getByRole('button', { name: /1 Prozess auf Version 2 umstellen/ }).click();
    const migrate = page.getByRole('dialog', { name: '1 Prozess auf Version 2 umstellen?' });
    await expect(migrate).toContainText('Sozialraum Teltow');
    await expect(migrate).toContainText(/Frist „[^“]+“: \d\d\.\d\d\.\d{4} → \d\d\.\d\d\.\d{4}/);
    await screenshot(page, 'admin-migrate-confirm');
    await migrate.getByRole('button', { name: '1 umstellen' }).click();
    await expect(page.getByText('Umgestellt: 1; nicht umstellbar: 0; fehlgeschlagen: 0.')).toBeVisible();
    expect(await englishMessages(page)).toEqual([]);

    // A draft that is not wanted is set out of force, after a confirmation that says what happens.
    await page.getByRole('button', { name: 'Neuen Entwurf anlegen (aus Version 2)' }).click();
    await page.getByRole('link', { name: 'Zurück zu den Versionen' }).click();
    await page.getByRole('button', { name: 'Außer Kraft setzen (Version 3)' }).click();
    const retire = page.getByRole('dialog', { name: 'Version 3 außer Kraft setzen?' });
    await expect(retire).toContainText('wird verworfen');
    await retire.getByRole('button', { name: 'Außer Kraft setzen' }).click();
    await expect(versions.filter({ has: page.getByRole('cell', { name: '3', exact: true }) })).toContainText('außer Kraft');
    await expect(versions.filter({ has: page.getByRole('cell', { name: '2', exact: true }) })).toContainText('veröffentlicht');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A new user, through the form.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Benutzer' }).click();
    await page.getByRole('heading', { name: 'Benutzer', exact: true }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-users-390');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Benutzer anlegen' }).click();
    await page.getByRole('heading', { name: 'Benutzer anlegen' }).waitFor();
    await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
    await expect(page.getByLabel('Kennung')).toHaveAttribute('aria-invalid', 'true');
    expect(await englishMessages(page)).toEqual([]);
    await page.getByLabel('Kennung').fill('k.neumann');
    await page.locator('#feld-displayName').fill('Karla Neumann');
    await page.getByLabel('E-Mail').fill('k.neumann@example.org');
    await page.getByRole('group', { name: 'Rollen' }).getByLabel('Koordination').check();
    await page.getByRole('group', { name: 'Planregionen' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
    await page.getByRole('heading', { name: 'Benutzer: Karla Neumann' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const [stored] = await web.db.query(`SELECT display_name, roles FROM app_user WHERE id = 'k.neumann'`);
    expect(stored).toEqual({ display_name: 'Karla Neumann', roles: ['coordinator'] });

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Audit-Log' }).click();
    await page.getByRole('heading', { name: 'Audit-Log' }).waitFor();
    // The migration just applied is in the log, in German.
    await expect(page.locator('table tbody')).toContainText('Prozess umgestellt');
    await page.getByLabel('Von', { exact: true }).fill('gestern');
    await page.getByRole('button', { name: 'Filtern' }).click();
    const from = page.getByLabel('Von', { exact: true });
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(await describedBy(page, from)).toContainText('Bitte ein gültiges Datum angeben (TT.MM.JJJJ).');
    await expect(from).toHaveValue('gestern');
    await from.fill('');
    await page.getByLabel('Ergebnis').selectOption('denied');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.waitForURL(/outcome=denied/);
    await screenshot(page, 'admin');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await englishMessages(page)).toEqual([]);

    // The other administration pages open, accessible and German.
    const pages: Array<[string, string]> = [
      ['Teams', 'Teams'],
      ['Erinnerungen', 'Fehlgeschlagene Erinnerungen'],
      ['Löschfristen', 'Löschfristen'],
      ['§ 8a-Statistik', '§ 8a-Statistik'],
    ];
    for (const [link, heading] of pages) {
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await expect(page.getByText('Wird geladen …')).toHaveCount(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await englishMessages(page)).toEqual([]);
      if (link === 'Erinnerungen') {
        await page.getByRole('button', { name: /^Erneut senden/ }).click();
        await expect(page.getByText('wird erneut zugestellt')).toBeVisible();
        await expect(page.getByText('Keine fehlgeschlagenen Erinnerungen.')).toBeVisible();
      }
    }
    expect(web.consoleErrors).toEqual([]);
  });
});
