import { seedDemoGremien } from '@sro/gremien';
import { accessibilityViolations, describedBy, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';

jest.setTimeout(180_000);
/** A day from today in Berlin (the browser's zone), as the date field wants it and as the page shows it. */
const berlinDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
const day = (offset: number) => berlinDay(offset);
const germanDay = (offset: number) => berlinDay(offset).split('-').reverse().join('.');

describe('web app: a Sozialraumkonferenz’s meeting and minutes with a task, from the coordinator to the assignee', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;

  beforeAll(async () => {
    web = await webSystem('web-gremien');
    // The demo committees (no page creates their members from the staff and partner lists in one go): the Sozialraumkonferenz Teltow.
    await seedDemoGremien(web.db);
  });
  afterAll(() => web?.close());

  it('records a meeting of the Sozialraumkonferenz with attendance, minutes with decisions and a task, submits them after a confirmation, and the assignee completes the task', async () => {
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
    await expect(page.locator('dl.facts')).toContainText('Sozialraumkonferenz');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The conference met yesterday evening: the coordinator records the meeting with its agenda. Without a place it is refused at the field.
    const meetings = page.locator('section', { has: page.getByRole('heading', { name: 'Sitzungen' }) }).locator('tbody tr');
    await expect(meetings).toHaveCount(3);
    const newMeeting = page.getByRole('form', { name: 'Sitzung anlegen' });
    await newMeeting.getByRole('textbox', { name: 'Beginn (Pflichtfeld)' }).fill(germanDay(-1));
    await newMeeting.getByLabel('Beginn (Uhrzeit)').fill('17:00');
    await newMeeting.getByLabel('Tagesordnung').fill('Präventionsangebote für Familien mit kleinen Kindern\nElterncafé Teltow-Seehof');
    await newMeeting.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await expect(newMeeting.getByLabel('Ort')).toHaveAttribute('aria-invalid', 'true');
    await expect(newMeeting.getByLabel('Tagesordnung')).toHaveValue(/Elterncafé Teltow-Seehof/);
    expect(await englishMessages(page)).toEqual([]);
    await newMeeting.getByLabel('Ort').fill('Bürgerhaus Teltow, Saal 2');
    await newMeeting.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await expect(newMeeting.getByRole('status')).toContainText('Die Sitzung ist angelegt');
    await expect(meetings).toHaveCount(4);
    await expect(meetings.filter({ hasText: 'Bürgerhaus Teltow, Saal 2' })).toContainText('17:00');
    await screenshot(page, 'gremien-committee');
    expect(await accessibilityViolations(page)).toEqual([]);
    await newMeeting.getByRole('status').getByRole('link').click();
    await page.getByRole('heading', { name: `Sozialraumkonferenz Teltow: Sitzung am ${germanDay(-1)}` }).waitFor();
    await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Tagesordnung' }) }).locator('li')).toHaveText([
      'Präventionsangebote für Familien mit kleinen Kindern',
      'Elterncafé Teltow-Seehof',
    ]);

    // Who came, then the minutes.
    await page.getByLabel('Demo Fachkraft (ASD)', { exact: true }).selectOption({ label: 'Anwesend' });
    await page.getByLabel('Erika Beispiel (erfunden)', { exact: true }).selectOption({ label: 'Entschuldigt' });
    await page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
    await expect(page.getByText('Die Anwesenheit ist gespeichert.')).toBeVisible();
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
    expect(await englishMessages(page)).toEqual([]);
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
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'gremien-minutes-390');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });

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
