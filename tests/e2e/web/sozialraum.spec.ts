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
  });
});
