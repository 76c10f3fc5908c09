import { readFileSync } from 'node:fs';
import { accessibilityViolations, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { renderPdf } from '../../support/pdf-render';

jest.setTimeout(180_000);
const german = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 4, useGrouping: false });

describe('web app: the coordinator imports indicator values, reads the Sozialraumkarte and a profile, and downloads the JHA report', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;

  beforeAll(async () => {
    web = await webSystem('web-sozialraum');
  });
  afterAll(() => web?.close());

  /** The 2025 values of planning region 1 in the seeded demo data, as rows of an import file. */
  const region1Values = async () =>
    (await web.db.query(
      `SELECT v.indicator_key AS "key", coalesce(s.code, ms.code) AS space, coalesce(m.code, '') AS municipality,
              coalesce(s.name, ms.name) AS "spaceName", v.value::float AS value
         FROM indicator_value v LEFT JOIN social_space s ON s.id = v.social_space_id
         LEFT JOIN municipality m ON m.id = v.municipality_id LEFT JOIN social_space ms ON ms.id = m.social_space_id
         JOIN planning_region r ON r.id = coalesce(s.planning_region_id, ms.planning_region_id)
        WHERE v.year = 2025 AND r.code = 'PR1' ORDER BY 2, 1, 3`,
    )) as Array<{ key: string; space: string; municipality: string; spaceName: string; value: number }>;

  it('imports a year of indicator values: a file with one bad row is refused with its line and column, the corrected one replaces the year', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Regionalkoordination PR 1');
    const before = await region1Values();
    expect(before.length).toBeGreaterThan(20);
    // The statistics office's file for 2025: the region's values, Teltow's SGB II share of children updated.
    const teltow = before.findIndex((v) => v.spaceName === 'Sozialraum Teltow' && v.key === 'sgb2-kinder');
    expect(teltow).toBeGreaterThanOrEqual(0);
    const updated = before[teltow].value === 31.7 ? 29.3 : 31.7;
    const file = (value: (row: number) => string) =>
      Buffer.from(
        ['Indikator;Sozialraum;Kommune;Wert', ...before.map((v, i) => `${v.key};${v.space};${v.municipality};${value(i)}`)].join('\r\n'),
        'utf8',
      );
    const valueOf = (i: number) => (i === teltow ? german(updated) : german(before[i].value));

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Indikatoren importieren' }).click();
    await page.getByRole('heading', { name: 'Indikatoren importieren' }).waitFor();
    await page.getByLabel('Jahr').fill('2025');
    // The first file writes Teltow's value with a decimal point (line teltow + 2: the header is line 1).
    await page
      .getByLabel('Datei wählen')
      .setInputFiles({ name: 'indikatoren-2025.csv', mimeType: 'text/csv', buffer: file((i) => (i === teltow ? '31.7' : valueOf(i))) });
    await expect(page.getByLabel('Inhalt der Datei')).toHaveValue(/^Indikator;Sozialraum;Kommune;Wert/);
    await page.getByRole('button', { name: 'Importieren' }).click();
    const problems = page.getByRole('alert').filter({ has: page.getByRole('table', { name: 'Fehlerhafte Zeilen der Datei' }) });
    await expect(problems).toContainText('Eine Zeile der Datei ist fehlerhaft; es wurde nichts übernommen.');
    await expect(problems.locator('tbody tr')).toHaveCount(1);
    await expect(problems.locator('tbody tr td')).toHaveText([
      String(teltow + 2),
      'Wert',
      '„31.7“ ist keine Zahl im deutschen Format (z. B. 1.234,5).',
    ]);
    await expect(page.getByLabel('Inhalt der Datei')).toHaveAttribute('aria-invalid', 'true');
    // Nothing was stored, and what was typed or chosen stays.
    expect(await region1Values()).toEqual(before);
    await expect(page.getByLabel('Inhalt der Datei')).toHaveValue(/31\.7/);
    await screenshot(page, 'sozialraum-import-problems');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await englishMessages(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'sozialraum-import-problems-390');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });

    // The corrected file replaces the region's values of 2025 as a whole.
    await page
      .getByLabel('Datei wählen')
      .setInputFiles({ name: 'indikatoren-2025-korrigiert.csv', mimeType: 'text/csv', buffer: file(valueOf) });
    await expect(page.getByLabel('Inhalt der Datei')).not.toHaveValue(/31\.7/);
    await page.getByRole('button', { name: 'Importieren' }).click();
    await expect(page.getByRole('status')).toHaveText(
      `${before.length} Werte für 2025 übernommen; ${before.length} bisherige Werte ersetzt. Der Sozialindex wurde neu berechnet.`,
    );
    await expect(page.getByRole('table', { name: 'Fehlerhafte Zeilen der Datei' })).toHaveCount(0);
    expect(await region1Values()).toEqual(before.map((v, i) => (i === teltow ? { ...v, value: updated } : v)));
    await screenshot(page, 'sozialraum-import-done');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await englishMessages(page)).toEqual([]);

    // The profile shows the imported value.
    await page.getByRole('link', { name: 'Zur Sozialraumkarte' }).click();
    await page.getByRole('heading', { name: 'Sozialraumkarte' }).waitFor();
    await page.locator('figure.map svg a[aria-label^="Sozialraum Teltow:"]').click();
    await page.getByRole('heading', { name: 'Sozialraumprofil Sozialraum Teltow' }).waitFor();
    await expect(page.getByRole('row', { name: /Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften/ })).toContainText(german(updated));
  });

  it('opens the map, clicks a social space and sees its profile with the district comparison', async () => {
    const { page } = web;
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
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);

    // pdf.js (as a browser's PDF viewer) opens the file: its first page is drawn and saved as a screenshot, its text read.
    const rendered = await renderPdf(page.context(), pdf, 'sozialraum-jha-report-pdf-page1');
    expect(rendered.inkShare).toBeGreaterThan(0.01);
    expect(rendered.pages[0]).toContain('Bericht an den Jugendhilfeausschuss 2025');
    expect(rendered.pages[0]).toContain('Planregion 1');
    const text = rendered.pages.join('\n');
    for (const heading of [
      'Phasenstand der Sozialräume',
      'Sozialraumbudget: zugewiesen und ausgegeben',
      'Interviews mit den Vertragspartnern',
      'Sozialindex: Rangfolge und Veränderung',
      'Gefährdungseinschätzungen nach § 8a SGB VIII (anonymisiert)',
      'Anteil fallunspezifischer Arbeit',
    ])
      expect(text).toContain(heading);
    const region1: Array<{ name: string }> = await web.db.query(
      `SELECT s.name FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code`,
    );
    expect(region1.length).toBe(5);
    for (const { name } of region1) expect(text).toContain(name);
    expect(text).not.toContain('Sozialraum Werder');
    expect(web.consoleErrors).toEqual([]);
  });
});
