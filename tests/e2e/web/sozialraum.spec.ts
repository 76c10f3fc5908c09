import { readFileSync } from 'node:fs';
import { accessibilityViolations, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';

jest.setTimeout(180_000);

describe('web app: the Sozialraumkarte (schematic demo boundaries) leads to a profile', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;

  beforeAll(async () => {
    web = await webSystem('web-sozialraum');
  });
  afterAll(() => web?.close());

  it('opens the map, clicks a social space and sees its profile with the district comparison', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Regionalkoordination PR 1');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Sozialraumkarte' }).click();
    await page.getByRole('heading', { name: 'Sozialraumkarte' }).waitFor();
    await expect(page.getByText(/Schematische Grenzen/)).toBeVisible();
    await expect(page.locator('figure.map svg path')).toHaveCount(19);
    await expect(page.getByRole('list', { name: 'Legende' })).toContainText('kein Wert');
    // The same data as a table, for those who cannot use the map.
    await expect(page.locator('table tbody tr')).toHaveCount(19);
    await screenshot(page, 'sozialraum-map');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.locator('figure.map svg a[aria-label^="Sozialraum Teltow:"]').click();
    await page.getByRole('heading', { name: 'Sozialraumprofil Sozialraum Teltow' }).waitFor();
    await expect(page.getByText('Hinweis: Die Werte sind erfundene Demodaten.')).toBeVisible();
    const row = page.getByRole('row', { name: /Versorgungsquote Kindertagesbetreuung/ });
    await expect(row).toContainText('Ressource');
    await expect(page.getByRole('heading', { name: /Sozialindex 2025/ })).toBeVisible();
    await expect(page.getByText(/Rang \d+ von 19/)).toBeVisible();
    await screenshot(page, 'sozialraum-profile');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The coordinator corrects a value by hand; a value that is no number is refused at its field.
    await page.getByLabel('Indikator', { exact: true }).selectOption({ label: 'Hilfen zur Erziehung je 1.000 unter 21-Jährige' });
    await page.getByLabel(/^Wert \(/).fill('viel');
    await page.getByRole('button', { name: 'Wert speichern' }).click();
    await expect(page.getByLabel(/^Wert \(/)).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel(/^Wert \(/).fill('12,5');
    await page.getByRole('button', { name: 'Wert speichern' }).click();
    await expect(page.getByText('Der Wert wurde gespeichert; der Sozialindex 2025 wurde neu berechnet.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Hilfen zur Erziehung/ })).toContainText('12,5');
  });

  it('shows the report for the Jugendhilfeausschuss of the own planning region and downloads it as a PDF', async () => {
    const { page } = web;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'JHA-Bericht' }).click();
    await page.getByRole('heading', { name: 'Bericht an den Jugendhilfeausschuss' }).waitFor();
    await page.getByLabel('Jahr').selectOption('2025');
    await page.getByRole('heading', { name: 'Phasenstand der Sozialräume' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Sozialindex: Rangfolge und Veränderung' })).toBeVisible();
    await expect(page.locator('article.report')).toContainText('Sozialraum Teltow');
    await expect(page.locator('article.report')).toContainText('Planregion 1');
    await screenshot(page, 'sozialraum-jha-report');
    expect(await accessibilityViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF herunterladen' }).click()]);
    expect(download.suggestedFilename()).toBe('jha-bericht-2025.pdf');
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(web.consoleErrors).toEqual([]);
  });
});
