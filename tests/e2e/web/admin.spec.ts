import request from 'supertest';
import { Role } from '@sro/common';
import { accessibilityViolations, describedBy, screenshot, signInAs, webSystem } from '../../support/browser';
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
  });
  afterAll(() => web?.close());

  it('edits a draft, sees the server’s problem next to the field, compares, publishes, migrates and reads the audit log', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Administration');
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Definitionen' }).click();
    await page.getByRole('heading', { name: 'Workflow-Definitionen' }).waitFor();
    await expect(page.locator('table tbody tr')).toHaveCount(5);
    await page.getByRole('link', { name: 'Sozialraumentwicklung (sechs Phasen)' }).click();
    await page.getByRole('button', { name: 'Neuen Entwurf anlegen (aus Version 1)' }).click();
    await page.getByRole('heading', { name: /Version 2 \(Entwurf\)/ }).waitFor();

    await page.getByLabel('Änderungsnotiz').fill('Analysephase länger');
    const duration = page.locator('input[name="/phases/1/duration"]');
    await duration.fill('drei Monate');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect(duration).toHaveAttribute('aria-invalid', 'true');
    await expect(await describedBy(page, duration)).toContainText(/duration|ISO|Dauer/i);
    await expect(page.getByRole('alert')).toContainText('sie sind bei den Feldern markiert');
    await expect(duration).toHaveValue('drei Monate');
    await expect(page.getByLabel('Änderungsnotiz')).toHaveValue('Analysephase länger');
    await screenshot(page, 'admin-draft-error');
    expect(await accessibilityViolations(page)).toEqual([]);

    await duration.fill('P120D');
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await expect(page.getByText('Die Definition ist gültig.')).toBeVisible();
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect(page.getByText('Der Entwurf wurde gespeichert.')).toBeVisible();

    await page.getByRole('link', { name: 'Zurück zu den Versionen' }).click();
    await page.getByRole('button', { name: 'Vergleichen' }).click();
    const diff = page.locator('table.diff');
    await expect(diff).toContainText('duration');
    await expect(diff).toContainText('"P120D"');

    await page.getByRole('link', { name: /Bearbeiten\s*Version 2/ }).click();
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.getByRole('heading', { name: 'Sozialraumentwicklung (sechs Phasen)' }).waitFor();
    const versions = page.locator('section', { has: page.getByRole('heading', { name: 'Versionen' }) }).locator('tbody tr');
    await expect(versions.filter({ has: page.getByRole('cell', { name: '2', exact: true }) })).toContainText('veröffentlicht');
    await expect(versions.filter({ has: page.getByRole('cell', { name: '1', exact: true }) })).toContainText('außer Kraft');

    await page.getByLabel('Zielversion').selectOption('2');
    await page.getByRole('button', { name: 'Vorschau' }).click();
    await expect(page.getByText('1 laufende Instanzen, davon 1 umstellbar')).toBeVisible();
    await page.getByRole('button', { name: '1 Instanzen auf Version 2 umstellen' }).click();
    await expect(page.getByText('Umgestellt: 1; nicht umstellbar: 0; fehlgeschlagen: 0.')).toBeVisible();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Audit-Log' }).click();
    await page.getByRole('heading', { name: 'Audit-Log' }).waitFor();
    // The migration just applied is in the log.
    await expect(page.locator('table tbody')).toContainText('workflow definition migration');
    await page.getByLabel('Von').fill('gestern');
    await page.getByRole('button', { name: 'Filtern' }).click();
    const from = page.getByLabel('Von');
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(await describedBy(page, from)).toContainText('Bitte ein gültiges Datum angeben (TT.MM.JJJJ).');
    await expect(from).toHaveValue('gestern');
    await from.fill('');
    await page.getByLabel('Ergebnis').selectOption('denied');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.waitForURL(/outcome=denied/);
    await screenshot(page, 'admin');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(web.consoleErrors).toEqual([]);
  });
});
