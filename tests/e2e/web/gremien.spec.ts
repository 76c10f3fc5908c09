import { seedDemoGremien } from '@sro/gremien';
import { accessibilityViolations, describedBy, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';

jest.setTimeout(180_000);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('web app: a Sozialraumkonferenz’s minutes with a task, from the coordinator to the assignee', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;

  beforeAll(async () => {
    web = await webSystem('web-gremien');
    // The demo committees: the Sozialraumkonferenz Teltow has a meeting two weeks ago still without minutes.
    await seedDemoGremien(web.db);
  });
  afterAll(() => web?.close());

  it('records minutes with decisions and a task, submits them after a confirmation, and the assignee finds and completes the task', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Regionalkoordination PR 1');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Gremien' }).click();
    await page.getByRole('heading', { name: 'Gremien', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Sozialraumkonferenz Teltow' }).click();
    await page.getByRole('heading', { name: 'Sozialraumkonferenz Teltow' }).waitFor();
    await expect(
      page
        .locator('section', { has: page.getByRole('heading', { name: 'Mitglieder' }) })
        .locator('tbody tr')
        .first(),
    ).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Meetings newest first: the planned one, the one awaiting its minutes, the approved one.
    const meetings = page.locator('section', { has: page.getByRole('heading', { name: 'Sitzungen' }) }).locator('tbody tr');
    await expect(meetings).toHaveCount(3);
    await expect(meetings.nth(2)).toContainText('Genehmigt');
    await meetings.nth(1).getByRole('link').click();
    await page.getByRole('heading', { name: /Sozialraumkonferenz Teltow: Sitzung am/ }).waitFor();
    await expect(page.getByText('Genehmigt').first()).toBeVisible();

    await page.getByLabel('Verlauf und Ergebnisse').fill('Die Konferenz hat die Präventionsangebote für Familien besprochen.');
    await page.getByLabel('Beschlüsse').fill('Ein zweites Elterncafé wird in Teltow-Seehof geplant.');
    await page.getByRole('button', { name: 'Aufgabe hinzufügen' }).click();
    await page.getByLabel('Aufgabe 1', { exact: true }).fill('Träger für das Elterncafé in Seehof anfragen');
    await page.getByLabel('Zuständig für Aufgabe 1').selectOption({ label: 'Demo Fachkraft (ASD)' });
    // A due date before the meeting: the server's problem appears at the field, the rest stays.
    const due = page.getByLabel('Frist für Aufgabe 1');
    await due.fill(day(-30));
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect(due).toHaveAttribute('aria-invalid', 'true');
    await expect(await describedBy(page, due)).toContainText('Die Frist darf nicht vor der Sitzung');
    await expect(page.getByLabel('Aufgabe 1', { exact: true })).toHaveValue('Träger für das Elterncafé in Seehof anfragen');
    await due.fill(day(10));
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect(page.getByText('Der Entwurf ist gespeichert.')).toBeVisible();

    await page.getByRole('button', { name: 'Protokoll versenden …' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Nach dem Versand kann das Protokoll nicht mehr geändert werden.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, Protokoll versenden' }).click();
    await expect(page.getByText('Versandt, Genehmigung offen')).toBeVisible();
    await expect(page.locator('table', { has: page.getByText('Träger für das Elterncafé in Seehof anfragen') })).toContainText(
      'Demo Fachkraft (ASD)',
    );
    await screenshot(page, 'gremien-minutes');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The Trägerverbund of Teltow: members, lead, the interviews of its members and the budget of its space.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Trägerverbünde' }).click();
    await page.getByRole('link', { name: 'Trägerverbund Teltow (Kinder- und Jugendarbeit)' }).click();
    await page.getByRole('heading', { name: 'Trägerverbund Teltow (Kinder- und Jugendarbeit)' }).waitFor();
    await expect(page.getByText('(federführend)')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Partnerinterviews der Mitglieder' })).toBeVisible();
    await expect(page.getByText('Zugewiesen')).toBeVisible();
    await screenshot(page, 'gremien-traegerverbund');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await signInAs(page, 'Demo Fachkraft (ASD)');
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    await page.getByRole('link', { name: 'Aufgabe aus Protokoll: Träger für das Elterncafé in Seehof anfragen' }).click();
    await page.getByRole('heading', { name: /Sozialraumkonferenz Teltow: Sitzung am/ }).waitFor();
    await page.getByRole('button', { name: 'Erledigt: Träger für das Elterncafé in Seehof anfragen' }).click();
    await expect(page.getByText(/Erledigt am/)).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(web.consoleErrors).toEqual([]);
  });
});
