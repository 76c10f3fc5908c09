import request from 'supertest';
import type { Page } from 'playwright-core';
import { Role } from '@sro/common';
import { accessibilityViolations, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { eventually } from '../../support/eventually';
import { bearer } from '../../support/tokens';

jest.setTimeout(300_000);

const COORDINATOR = 'Demo Regionalkoordination PR 1';

/** Today in Berlin as TT.MM.JJJJ (the day the interview is planned and held). */
const berlinToday = () =>
  new Date().toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

async function checkPage(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(await englishMessages(page)).toEqual([]);
}

async function confirmDialog(page: Page, button: string) {
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  expect(await englishMessages(page)).toEqual([]);
  await dialog.getByRole('button', { name: button }).click();
}

describe('web app: the coordinator does the work of a process and an interview in the browser', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;
  let coordinator: string;

  beforeAll(async () => {
    web = await webSystem('web-coordinator-work');
    coordinator = await bearer(Role.Coordinator);
    // Precondition: a running interview cycle (the schedule is not what this journey tests).
    await request(web.http).put('/interview-cycles/schedule').set('Authorization', coordinator).send({ startNow: true }).expect(200);
    await eventually(
      async () => (await request(web.http).get('/interview-cycles/current').set('Authorization', coordinator)).body?.counts?.total === 35,
      120_000,
      'the interview cycle with 35 partners',
    );
    await web.db.query(
      `INSERT INTO app_user (id, display_name, roles) VALUES ('ap-m', 'Amt Teltow Freigabe', '{approver}'), ('ap-p', 'Träger Freigabe', '{approver}'), ('ap-l', 'Landkreis Freigabe', '{approver}')`,
    );
  });
  afterAll(async () => {
    await request(web.http).delete('/interview-cycles/schedule').set('Authorization', coordinator);
    await web?.close();
  });

  it('starts a process, enters deliverables of phases 1 to 5 (goals reordered by keyboard), is refused with the missing list, completes phases, adds a member and books, spends and reverses budget', async () => {
    const { page } = web;
    await signInAs(page, COORDINATOR);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Phasenfristen' }).click();
    await page.getByRole('heading', { name: 'Phasenfristen der Sozialräume' }).waitFor();
    await expect(page.getByRole('definition').first()).toHaveText('0');
    // Only the caller's planning region is offered.
    const regionOptions = await page.getByLabel('Planregion').locator('option').allInnerTexts();
    expect(regionOptions).toContain('Planregion 1 – Teltow/Kleinmachnow');
    expect(regionOptions.filter((o) => o.startsWith('Planregion '))).toEqual(['Planregion 1 – Teltow/Kleinmachnow']);
    await checkPage(page);

    const space = page.getByRole('combobox', { name: /^Sozialraum/ });
    const spaceOption = (await space.locator('option').allInnerTexts())[1];
    const spaceName = spaceOption.replace(/ \(.*$/, '');
    await space.selectOption({ label: spaceOption });
    await page.getByRole('button', { name: 'Prozess starten' }).click();
    await page.getByRole('heading', { name: `Sozialraumprozess: ${spaceName}` }).waitFor();
    await page.getByRole('heading', { name: /Aktuelle Phase 1/ }).waitFor();

    // Phase 1: the boundaries with municipalities from the list.
    const boundaries = page.getByRole('form', { name: /Abgrenzung und Beschreibung/ });
    await boundaries.getByRole('button', { name: 'Abgrenzung speichern' }).click();
    await expect(boundaries.locator('.error-summary')).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    expect(await englishMessages(page)).toEqual([]);
    await boundaries.getByRole('group', { name: 'Kommunen des Sozialraums' }).getByRole('checkbox').first().check();
    await boundaries.getByLabel('Beschreibung und Abgrenzung').fill('Der Sozialraum umfasst die Stadt und ihre Ortsteile.');
    await boundaries.getByRole('button', { name: 'Abgrenzung speichern' }).click();
    await expect(boundaries.getByRole('status')).toContainText('Gespeichert.');
    await expect(page.locator('ol.history')).toContainText('Nachweis erfasst: Abgrenzung und Beschreibung');
    await expect(page.locator('ol.history')).toContainText(`(${COORDINATOR})`);
    await checkPage(page);
    await page.getByRole('button', { name: 'Phase 1 abschließen', exact: true }).click();
    await confirmDialog(page, 'Phase 1 abschließen');
    await page.getByRole('heading', { name: /Aktuelle Phase 2/ }).waitFor();

    // Phase 2: completing before the analysis is there is refused, the missing deliverable is a link.
    await page.getByRole('button', { name: 'Phase 2 abschließen', exact: true }).click();
    await confirmDialog(page, 'Phase 2 abschließen');
    const refusal = page.locator('.error-summary').last();
    await expect(refusal).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    await expect(refusal.getByRole('link', { name: /Sozialraumanalyse/ })).toBeVisible();
    expect(await englishMessages(page)).toEqual([]);
    await screenshot(page, 'coordinator-work-refused');

    // The analysis, question by question.
    await page.getByRole('form', { name: 'Jahr des Sozialraumprofils' }).getByRole('button', { name: 'Jahr speichern' }).click();
    await expect(page.getByText('Das Jahr des Sozialraumprofils ist gespeichert.')).toBeVisible();
    for (let n = 1; n <= 7; n++) {
      const form = page.getByRole('form', { name: `Leitfrage ${n}`, exact: true });
      await expect(form.getByRole('button', { name: 'Speichern und Phase 2 abschließen' })).toHaveCount(0);
      await form.getByRole('textbox').fill(`Antwort auf Leitfrage ${n} aus der Sozialraumbegehung.`);
      await form.getByRole('button', { name: `Antwort ${n} speichern` }).click();
      await expect(page.getByText(`Antwort auf Leitfrage ${n} gespeichert.`)).toBeVisible();
    }
    await expect(page.getByText('7 von 8 Leitfragen beantwortet')).toBeVisible();
    // The last open question saves its answer and completes the phase in one step.
    const lastQuestion = page.getByRole('form', { name: 'Leitfrage 8', exact: true });
    await lastQuestion.getByRole('textbox').fill('Antwort auf Leitfrage 8 aus der Sozialraumbegehung.');
    await lastQuestion.getByRole('button', { name: 'Speichern und Phase 2 abschließen' }).click();
    await confirmDialog(page, 'Phase 2 abschließen');
    await page.getByRole('heading', { name: /Aktuelle Phase 3/ }).waitFor();
    await expect(page.locator('ol.history')).toContainText('(mit Nachweis „Sozialraumanalyse');

    // Phase 3: an event with a German date, participants and result.
    const events = page.getByRole('form', { name: 'Beteiligungsveranstaltungen' });
    await events.getByRole('button', { name: 'Veranstaltung hinzufügen' }).click();
    await events.getByLabel('Art').selectOption('gruendungsveranstaltung');
    await events.getByLabel('Datum').fill(berlinToday());
    await events.getByLabel('Teilnehmende (Anzahl)').fill('34');
    await events.getByLabel('Ergebnis').fill('Gründung der lokalen Verantwortungsgemeinschaft');
    // The last required deliverable saves and completes in one step; refused without an age group, at its field, nothing lost.
    await events.getByRole('button', { name: 'Speichern und Phase 3 abschließen' }).click();
    await confirmDialog(page, 'Phase 3 abschließen');
    await expect(events.locator('.error-summary')).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    await expect(events.locator('[data-pointer="/value/0/ageGroups"]')).toContainText('Bitte mindestens einen Eintrag angeben.');
    expect(await englishMessages(page)).toEqual([]);
    await expect(page.getByRole('heading', { name: /Aktuelle Phase 3/ })).toBeVisible();
    await expect(events.getByLabel('Ergebnis')).toHaveValue('Gründung der lokalen Verantwortungsgemeinschaft');
    await events.getByRole('checkbox', { name: '12–17 Jahre' }).check();
    await events.getByRole('button', { name: 'Speichern und Phase 3 abschließen' }).click();
    await confirmDialog(page, 'Phase 3 abschließen');
    await page.getByRole('heading', { name: /Aktuelle Phase 4/ }).waitFor();
    await expect(page.locator('ol.history')).toContainText('Phase abgeschlossen: ');
    await expect(page.locator('ol.history')).toContainText('(mit Nachweis „');

    // Phase 4: two goals; the second is moved up with the keyboard's button, so it becomes priority 1.
    const goals = page.getByRole('form', { name: 'Priorisierte Ziele' });
    for (const [title, perspective] of [
      ['Treffpunkte für Jugendliche schaffen', 'children_youth'],
      ['Eltern früh erreichen', 'parents'],
    ]) {
      await goals.getByRole('button', { name: 'Ziel hinzufügen' }).click();
      const goal = goals.locator('ol.ranked > li').last();
      await goal.getByRole('textbox', { name: /^Ziel/ }).fill(title);
      await goal.getByLabel('Zielperspektive').selectOption(perspective);
      await goal.getByRole('textbox', { name: /Indikator/ }).fill('Zahl der Teilnehmenden je Quartal');
    }
    await goals.getByRole('button', { name: 'Ziel 2 nach oben' }).focus();
    await page.keyboard.press('Enter');
    await expect(goals.locator('ol.ranked > li').first()).toContainText('Priorität 1: Eltern früh erreichen');
    await goals.getByRole('button', { name: 'Ziele speichern' }).click();
    await expect(goals.getByText('Gespeichert.', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Phase 4 abschließen', exact: true }).click();
    await confirmDialog(page, 'Phase 4 abschließen');
    await page.getByRole('heading', { name: /Aktuelle Phase 5/ }).waitFor();

    // Phase 5: a measure linked to a goal, with the organisation responsible, dates and budget.
    const measures = page.getByRole('form', { name: 'Maßnahmenplanung' });
    await measures.getByRole('button', { name: 'Maßnahme hinzufügen' }).click();
    await measures.getByRole('textbox', { name: /^Maßnahme/ }).fill('Elterncafé im Familienzentrum');
    await measures.getByRole('combobox', { name: /^Ziel/ }).selectOption({ label: '1. Eltern früh erreichen' });
    const owner = measures.getByRole('combobox', { name: /^Verantwortlich/ });
    await owner.selectOption({ label: (await owner.locator('option').allInnerTexts())[1] });
    await measures.getByRole('textbox', { name: /^Beginn/ }).fill(berlinToday());
    await measures.getByRole('textbox', { name: /^Ende/ }).fill(`31.12.${new Date().getFullYear() + 1}`);
    await measures.getByRole('textbox', { name: /^Budget/ }).fill('1.500,00');
    await measures.getByRole('button', { name: 'Maßnahmen speichern' }).click();
    await expect(measures.getByRole('status')).toContainText('Gespeichert.');
    await expect(page.locator('ol.history')).toContainText('Nachweis erfasst: Maßnahmenplanung');

    // A member of the lokale Verantwortungsgemeinschaft.
    const members = page.getByRole('form', { name: 'Mitglied aufnehmen' });
    await members.getByLabel('Art des Mitglieds').selectOption('contract_partner');
    const member = members.getByRole('combobox', { name: /^Mitglied/ });
    const partnerOption = (await member.locator('option').allInnerTexts())[1];
    await member.selectOption({ label: partnerOption });
    await members.getByLabel('Funktion').fill('Schulsozialarbeit');
    await members.getByRole('button', { name: 'Mitglied aufnehmen' }).click();
    await expect(page.locator('ul.members')).toContainText(`${partnerOption} – Schulsozialarbeit (Vertragspartner)`);
    await expect(page.locator('ol.history')).toContainText(`Mitglied aufgenommen: ${partnerOption}`);

    // The budget: the year prefilled from the definition, then an allocation.
    const amount = page.getByLabel(/^Betrag für \d{4} \(Euro\)/);
    await expect(amount).toHaveValue('5.000,00');
    await page.getByRole('button', { name: 'Budget festlegen' }).click();
    await expect(page.getByText(/Das Budget \d{4} ist festgelegt\./)).toBeVisible();
    const allocate = page.getByRole('form', { name: 'Zuweisung buchen' });
    // To the planned measure: title and amount come from the plan.
    await allocate.getByRole('radio', { name: 'Maßnahme dieses Prozesses' }).check();
    await allocate
      .getByRole('combobox', { name: /^Maßnahme/ })
      .selectOption({ label: 'Elterncafé im Familienzentrum (geplant: 1.500,00\u00a0€)' });
    await expect(allocate.getByLabel('Betrag (Euro)')).toHaveValue('1.500,00');
    await allocate.getByRole('button', { name: 'Zuweisung buchen' }).click();
    await expect(page.locator('table', { hasText: 'Zuweisungen' })).toContainText('Elterncafé im Familienzentrum');
    // Spending against it, then the reversal of what is unspent (after a confirmation).
    const spend = page.getByRole('form', { name: 'Ausgabe buchen' });
    await spend.getByRole('combobox', { name: /^Zuweisung der Ausgabe/ }).selectOption({ index: 1 });
    await spend.getByLabel(/^Ausgegebener Betrag/).fill('200,00');
    await spend.getByRole('textbox', { name: /^Bezahlt am/ }).fill(berlinToday());
    await spend.getByRole('button', { name: 'Ausgabe buchen' }).click();
    await expect(spend.getByRole('status')).toContainText('Ausgabe von 200,00 € gebucht.');
    await expect(page.locator('table', { hasText: 'Ausgaben je Monat' })).toContainText('200,00');
    const reverse = page.getByRole('form', { name: 'Zuweisung stornieren' });
    await reverse.getByRole('combobox', { name: /^Zu stornierende Zuweisung/ }).selectOption({ index: 1 });
    await reverse.getByLabel(/^Grund der Stornierung/).fill('Das Familienzentrum trägt den Rest selbst.');
    await reverse.getByRole('button', { name: 'Zuweisung stornieren' }).click();
    await confirmDialog(page, 'Stornieren');
    await expect(page.locator('table', { hasText: 'Zuweisungen' })).toContainText('storniert: Das Familienzentrum trägt den Rest selbst.');
    await expect(page.locator('table', { hasText: 'Zuweisungen' })).toContainText('200,00');

    await allocate.getByRole('radio', { name: 'Kleine Initiative von Bewohner:innen' }).check();
    await allocate.getByLabel('Bezeichnung').fill('Spielplatzfest der Elterninitiative');
    await allocate.getByLabel('Betrag (Euro)').fill('250,00');
    await allocate.getByRole('button', { name: 'Zuweisung buchen' }).click();
    await expect(page.locator('table', { hasText: 'Zuweisungen' })).toContainText('Spielplatzfest der Elterninitiative');
    await expect(page.locator('table', { hasText: 'Zuweisungen' })).toContainText('250,00');
    await expect(page.getByRole('img', { name: /^Zugewiesen, ausgegeben und verfügbar je Zuweisung/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Ausgaben je Monat/ })).toBeVisible();
    await screenshot(page, 'coordinator-work-process');
    await checkPage(page);
    expect(web.consoleErrors).toEqual([]);
  });

  it('plans an interview, enters the answers from the questionnaire and reads the report', async () => {
    const { page } = web;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Partnerinterviews' }).click();
    await page.getByText('Zyklus 1, begonnen am').waitFor();
    await expect(page.locator('table tbody tr')).toHaveCount(35);
    await checkPage(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'coordinator-work-interviews-390');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });

    const first = page.locator('table tbody tr').first().getByRole('link');
    const partner = await first.innerText();
    await first.click();
    await page.getByRole('heading', { name: `Interview mit ${partner}` }).waitFor();
    const plan = page.getByRole('form', { name: 'Interview planen' });
    await plan.getByRole('textbox', { name: 'Termin (Pflichtfeld)' }).fill(berlinToday());
    await plan.getByLabel('Termin (Uhrzeit)').fill('23:59');
    await plan.getByLabel('Interviewer:in').selectOption({ label: COORDINATOR });
    await plan.getByRole('button', { name: 'Interview planen' }).click();
    await page.getByRole('heading', { name: 'Antworten erfassen' }).waitFor();
    await checkPage(page);

    const answers = page.getByRole('form', { name: 'Antworten erfassen' });
    // Without the required answers: German problems, nothing stored.
    await answers.getByRole('button', { name: 'Antworten speichern' }).click();
    await expect(answers.locator('.error-summary')).toContainText('Pflichtfrage');
    expect(await englishMessages(page)).toEqual([]);
    for (const text of [
      'Wie gut erreichen die Angebote im Sozialraum Kinder und Jugendliche?',
      'Wie leicht finden Eltern Zugang zu Beratung und Unterstützung?',
      'Wie bewerten Sie die Zusammenarbeit im erweiterten Fallteam?',
      'Wie gut ist der Sozialraum vernetzt',
    ])
      await answers.getByRole('group', { name: text }).getByRole('radio', { name: '4 – eher gut' }).check();
    for (const text of ['Werden Kinder und Jugendliche an der Planung beteiligt?', 'Wurde das Sozialraumbudget'])
      await answers.getByRole('group', { name: text }).getByRole('radio', { name: 'Ja' }).check();
    await answers
      .getByRole('group', { name: 'Wird das Familienzentrum von Eltern genutzt?' })
      .getByRole('radio', { name: 'häufig' })
      .check();
    await answers
      .getByRole('group', { name: 'Welche Formen der Kooperation nutzen Sie?' })
      .getByRole('checkbox', { name: 'Fallteam' })
      .check();
    await answers.getByLabel('Was sollte sich für Kinder und Jugendliche ändern?').fill('Mehr Treffpunkte am Abend.');
    await answers.getByRole('button', { name: 'Antworten speichern' }).click();
    await page.getByRole('heading', { name: 'Antworten korrigieren' }).waitFor();
    await expect(page.locator('ol.history')).toContainText('Antworten erfasst');
    await screenshot(page, 'coordinator-work-interview');
    await checkPage(page);

    await page.getByRole('link', { name: 'Zurück zum Interviewzyklus' }).click();
    await page.getByRole('link', { name: 'Rückmeldebericht des Zyklus' }).click();
    await page.getByRole('heading', { name: 'Rückmeldebericht der Partnerinterviews' }).waitFor();
    await expect(page.getByRole('definition').first()).toContainText('2,9 %');
    await expect(page.locator('table', { hasText: 'Wie gut erreichen die Angebote' })).toContainText('4 – eher gut');
    await expect(page.getByText('Mehr Treffpunkte am Abend.')).toBeVisible();
    await expect(page.getByRole('link', { name: /CSV herunterladen/ })).toBeVisible();
    await screenshot(page, 'coordinator-work-report');
    await checkPage(page);
    expect(web.consoleErrors).toEqual([]);
  });

  it('takes a contract partner into the registry, changes it and records its exit with date and reason', async () => {
    const { page } = web;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Vertragspartner' }).click();
    await page.getByRole('heading', { name: 'Vertragspartner', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Vertragspartner aufnehmen' }).click();
    await page.getByRole('heading', { name: 'Vertragspartner aufnehmen' }).waitFor();
    // Nothing given: German problems at the fields.
    await page.getByRole('button', { name: 'Vertragspartner aufnehmen' }).click();
    await expect(page.locator('.error-summary')).toContainText('Bitte korrigieren Sie die markierten Angaben.');
    expect(await englishMessages(page)).toEqual([]);
    await page.getByLabel('Name', { exact: false }).first().fill('Familienzentrum Am Seehof e.V.');
    await page.getByRole('group', { name: 'Sozialräume' }).getByRole('checkbox').first().check();
    await page.getByLabel(/^Beitrittserklärung vom/).fill('01.03.2024');
    await page.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
    await page.getByLabel(/^Funktion/).fill('Geschäftsführung');
    await page.getByRole('button', { name: 'Vertragspartner aufnehmen' }).click();
    await page.getByRole('heading', { name: 'Vertragspartner: Familienzentrum Am Seehof e.V.' }).waitFor();
    await checkPage(page);

    await page.getByLabel(/^Name/).first().fill('Familienzentrum Am Seehof gGmbH');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByRole('heading', { name: 'Vertragspartner: Familienzentrum Am Seehof gGmbH' }).waitFor();

    await page.getByLabel(/^Austritt zum/).fill('31.12.2026');
    await page.getByLabel('Grund des Austritts').fill('Der Träger gibt das Familienzentrum ab.');
    await page.getByRole('button', { name: 'Austritt eintragen' }).click();
    await confirmDialog(page, 'Austritt eintragen');
    await expect(page.getByText('ausgetreten am 31.12.2026 (Der Träger gibt das Familienzentrum ab.)')).toBeVisible();
    await checkPage(page);
    expect(web.consoleErrors).toEqual([]);
  });

  it('drafts an agreement with parties, social spaces, validity and text, revises the text and submits it to the named approvers', async () => {
    const { page } = web;
    const [{ name: municipality }] = await web.db.query(
      `SELECT name FROM contract_partner WHERE kind = 'municipality' ORDER BY code LIMIT 1`,
    );
    const [{ name: provider }] = await web.db.query(`SELECT name FROM contract_partner WHERE kind = 'free_provider' ORDER BY code LIMIT 1`);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Vereinbarungen' }).click();
    await page.getByRole('link', { name: 'Neue Vereinbarung entwerfen' }).click();
    await page.getByRole('heading', { name: 'Neue Vereinbarung entwerfen' }).waitFor();
    const form = page.getByRole('form', { name: 'Neue Vereinbarung' });
    await form.getByLabel(/^Titel/).fill('Kooperation Familienzentrum Seehof');
    await form.getByLabel('Art der Vereinbarung').selectOption('three_party');
    await form.getByRole('group', { name: 'Sozialräume' }).getByRole('checkbox').first().check();
    for (const [kind, name] of [
      ['contract_partner', municipality],
      ['contract_partner', provider],
      ['landkreis', ''],
    ]) {
      await form.getByRole('button', { name: 'Partei hinzufügen' }).click();
      const row = form.locator('fieldset.repeatable-row').last();
      await row.getByLabel('Art der Partei').selectOption(kind);
      if (name) await row.getByRole('combobox', { name: /^Partei/ }).selectOption({ label: name });
    }
    await form.getByLabel(/^Gültig ab/).fill('01.01.2027');
    await form.getByLabel(/^Gültig bis/).fill('31.12.2029');
    await form.getByLabel(/^Text der Vereinbarung/).fill('Die Parteien betreiben das Familienzentrum gemeinsam.');
    await form.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await page.getByRole('heading', { name: 'Vereinbarung: Kooperation Familienzentrum Seehof' }).waitFor();
    await expect(page.locator('blockquote')).toContainText('Die Parteien betreiben das Familienzentrum gemeinsam.');
    await checkPage(page);

    const revise = page.getByRole('form', { name: /neue Version/ });
    await revise.getByLabel(/^Text der Vereinbarung/).fill('Die Parteien betreiben das Familienzentrum gemeinsam und teilen die Kosten.');
    await revise.getByLabel('Was hat sich geändert?').fill('Kostenteilung ergänzt');
    await revise.getByRole('button', { name: 'Neue Version speichern' }).click();
    await page.getByRole('heading', { name: 'Text, Version 2' }).waitFor();
    // The change against version 1, word by word.
    await expect(page.locator('.text-diff ins')).toContainText('und teilen die Kosten.');
    await expect(page.locator('ol.history')).toContainText('Neue Version des Textes');

    const submit = page.getByRole('form', { name: 'Zur Entscheidung einreichen' });
    await submit.getByLabel('Zustimmung der Vertragsparteien: Stadt/Gemeinde').selectOption({ label: 'Amt Teltow Freigabe' });
    await submit.getByLabel('Zustimmung der Vertragsparteien: Freier Träger').selectOption({ label: 'Träger Freigabe' });
    await submit.getByLabel('Zustimmung der Vertragsparteien: Landkreis').selectOption({ label: 'Landkreis Freigabe' });
    await submit.getByRole('button', { name: 'Einreichen' }).click();
    await expect(page.locator('dl.facts')).toContainText('In Abstimmung');
    await expect(page.getByRole('heading', { name: 'Entscheidungen, Runde 1 (Version 2)' })).toBeVisible();
    await expect(page.locator('section', { has: page.getByRole('heading', { name: /^Entscheidungen, Runde 1/ }) })).toContainText(
      'Landkreis (Landkreis Freigabe): offen',
    );
    await screenshot(page, 'coordinator-work-agreement');
    await checkPage(page);
    expect(web.consoleErrors).toEqual([]);
  });
});
