import request from 'supertest';
import { Role } from '@sro/common';
import { accessibilityViolations, describedBy, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { bearer } from '../../support/tokens';

jest.setTimeout(180_000);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('web app: the approver’s journey (task → decision page with the change → approve; reject with confirmation; revision → approval with the committee)', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;
  let revised: { id: string; reference: string };
  let second: { id: string; reference: string };

  beforeAll(async () => {
    web = await webSystem('web-approver');
    const coordinator = await bearer(Role.Coordinator);
    const approver = await bearer(Role.Approver, 'demo-approver');
    const http = () => request(web.http);
    const [{ id: regionId }] = await web.db.query(`SELECT id FROM planning_region WHERE code = 'PR1'`);
    const [{ id: spaceId }] = await web.db.query(`SELECT id FROM social_space WHERE planning_region_id = $1 ORDER BY code LIMIT 1`, [
      regionId,
    ]);
    const [{ id: municipality }] = await web.db.query(`SELECT id FROM contract_partner WHERE kind = 'municipality' ORDER BY code LIMIT 1`);
    const [{ id: provider }] = await web.db.query(`SELECT id FROM contract_partner WHERE kind = 'free_provider' ORDER BY code LIMIT 1`);
    const create = async (title: string, body: string) =>
      (
        await http()
          .post('/cooperation-agreements')
          .set('Authorization', coordinator)
          .send({
            title,
            kind: 'three_party',
            planningRegionId: regionId,
            parties: [
              { kind: 'contract_partner', refId: municipality },
              { kind: 'contract_partner', refId: provider },
              { kind: 'landkreis', name: 'Landkreis Potsdam-Mittelmark' },
            ],
            socialSpaceIds: [spaceId],
            body,
            attachments: [],
            validFrom: day(30),
            validUntil: day(30 + 3 * 365),
          })
          .expect(201)
      ).body as { id: string; reference: string };
    // The demo approver decides for the town and the Landkreis: one row, not two.
    const approvers = [
      { stageKey: 'parties', partyKey: 'municipality', approverIds: ['demo-approver'] },
      { stageKey: 'parties', partyKey: 'provider', approverIds: ['demo-approver-provider'] },
      { stageKey: 'parties', partyKey: 'landkreis', approverIds: ['demo-approver'] },
    ];
    revised = await create(
      'Familienzentrum am Seeufer',
      'Die Stadt und der Träger betreiben das Familienzentrum gemeinsam. Finanzierung folgt.',
    );
    await http().post(`/cooperation-agreements/${revised.id}/submit`).set('Authorization', coordinator).send({ approvers }).expect(200);
    await http()
      .post(`/cooperation-agreements/${revised.id}/decisions`)
      .set('Authorization', approver)
      .send({ stageKey: 'parties', partyKey: 'municipality', decision: 'reject', comment: 'Die Finanzierungsanteile fehlen.' })
      .expect(200);
    await http()
      .post(`/cooperation-agreements/${revised.id}/versions`)
      .set('Authorization', coordinator)
      .send({
        body: 'Die Stadt und der Träger betreiben das Familienzentrum gemeinsam. Finanzierung: Stadt 40 %, Landkreis 60 %.',
        validFrom: day(30),
        validUntil: day(30 + 3 * 365),
        changeNote: 'Finanzierungsanteile ergänzt',
      })
      .expect(201);
    await http().post(`/cooperation-agreements/${revised.id}/submit`).set('Authorization', coordinator).send({}).expect(200);
    second = await create('Schulsozialarbeit Nord', 'Der Träger übernimmt die Schulsozialarbeit an zwei Grundschulen.');
    await http().post(`/cooperation-agreements/${second.id}/submit`).set('Authorization', coordinator).send({ approvers }).expect(200);
  });
  afterAll(() => web?.close());

  const signOut = async () => {
    await web.page.getByRole('button', { name: 'Abmelden' }).click();
    await web.page
      .getByRole('button', { name: /^Anmelden als/ })
      .first()
      .waitFor();
  };
  const checkPage = async (name: string) => {
    expect(await englishMessages(web.page)).toEqual([]);
    expect(await accessibilityViolations(web.page)).toEqual([]);
    await screenshot(web.page, name);
  };
  /** Signs in as an approver, opens the agreement's decision from "Meine Aufgaben" and approves for every party offered. */
  const approveFromTasks = async (approver: string, screenshotName?: string) => {
    const { page } = web;
    await signOut();
    await signInAs(page, approver);
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    const task = page.getByRole('link', { name: new RegExp(`Entscheidung zur Vereinbarung ${second.reference}`) });
    await expect(task).toHaveCount(1);
    await task.click();
    await page.getByRole('heading', { name: 'Entscheidung: Schulsozialarbeit Nord' }).waitFor();
    await expect(page.locator('.agreement-text')).toContainText('Grundschule Am Park');
    if (screenshotName) await checkPage(screenshotName);
    await page.getByRole('radio', { name: 'Zustimmen' }).check();
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await expect(page.getByText('Für Sie ist zu dieser Vereinbarung derzeit nichts zu entscheiden.')).toBeVisible();
    expect(await englishMessages(page)).toEqual([]);
  };

  it('opens the decision from the tasks, reads the change and approves with a comment; rejects another after confirming', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Freigabe (Kommune)');
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    // One task per agreement, although the approver decides for two of its parties.
    await expect(page.getByRole('link', { name: new RegExp(`Entscheidung zur Vereinbarung ${revised.reference}`) })).toHaveCount(1);
    await page.getByRole('link', { name: new RegExp(`Entscheidung zur Vereinbarung ${revised.reference}`) }).click();
    await page.getByRole('heading', { name: 'Entscheidung: Familienzentrum am Seeufer' }).waitFor();
    await expect(page.locator('.agreement-text')).toContainText('Stadt 40 %, Landkreis 60 %');
    const changes = page.locator('section', { has: page.getByRole('heading', { name: /Änderungen gegenüber Version 1/ }) });
    await expect(changes.locator('del')).toContainText('Finanzierung folgt.');
    await expect(changes.locator('ins')).toContainText('Stadt 40 %, Landkreis 60 %.');
    const earlier = page.locator('section', { has: page.getByRole('heading', { name: 'Bisherige Entscheidungen und Kommentare' }) });
    await expect(earlier).toContainText('Die Finanzierungsanteile fehlen.');
    await expect(earlier).toContainText('Ablehnung');
    await screenshot(page, 'approver-decision');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'Zustimmen' }).check();
    await page.getByRole('textbox', { name: 'Kommentar' }).fill('Die Anteile sind jetzt geregelt.');
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await expect(page.getByText('Für Sie ist zu dieser Vereinbarung derzeit nichts zu entscheiden.')).toBeVisible();
    await expect(earlier).toContainText('Die Anteile sind jetzt geregelt.');
    expect(await englishMessages(page)).toEqual([]);

    await page.getByRole('link', { name: 'Zurück zu den offenen Entscheidungen' }).click();
    await page.getByRole('heading', { name: 'Offene Entscheidungen' }).waitFor();
    const rows = page.locator('table tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Landkreis, Stadt/Gemeinde');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'approver-decisions-390');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByRole('link', { name: new RegExp(second.reference) }).click();
    await page.getByRole('heading', { name: 'Entscheidung: Schulsozialarbeit Nord' }).waitFor();
    await page.getByRole('radio', { name: 'Ablehnen' }).check();
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await page.getByRole('dialog', { name: 'Vereinbarung ablehnen?' }).getByRole('button', { name: 'Ablehnen' }).click();
    const comment = page.getByRole('textbox', { name: 'Kommentar' });
    await expect(comment).toHaveAttribute('aria-invalid', 'true');
    await expect(await describedBy(page, comment)).toContainText('Bitte begründen Sie die Ablehnung.');
    expect(await englishMessages(page)).toEqual([]);
    await comment.fill('Die Grundschulen sind nicht benannt.');
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vereinbarung ablehnen?' });
    await expect(dialog).toContainText(second.reference);
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Ablehnen' }).click();
    await expect(page.getByText('Für Sie ist zu dieser Vereinbarung derzeit nichts zu entscheiden.')).toBeVisible();
    await expect(
      page.locator('section', { has: page.getByRole('heading', { name: 'Bisherige Entscheidungen und Kommentare' }) }),
    ).toContainText('Die Grundschulen sind nicht benannt.');
    expect(await englishMessages(page)).toEqual([]);
    expect(web.consoleErrors).toEqual([]);
  });

  it('the coordinator revises the rejected agreement and resubmits it with the committee; parties and committee approve it from their tasks', async () => {
    const { page } = web;
    await signOut();
    await signInAs(page, 'Demo Regionalkoordination PR 1');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Vereinbarungen' }).click();
    await page.getByRole('heading', { name: 'Kooperationsvereinbarungen' }).waitFor();
    // After the rejection the agreement is a draft again.
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Entwurf' });
    await page.getByRole('link', { name: 'Schulsozialarbeit Nord' }).click();
    await page.getByRole('heading', { name: 'Vereinbarung: Schulsozialarbeit Nord' }).waitFor();
    await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Abgelehnt in Runde 1' }) })).toContainText(
      'Die Grundschulen sind nicht benannt.',
    );

    const revise = page.getByRole('form', { name: 'Text überarbeiten (neue Version)' });
    await revise
      .getByRole('textbox', { name: 'Text der Vereinbarung' })
      .fill('Der Träger übernimmt die Schulsozialarbeit an der Grundschule Am Park und der Grundschule Seestraße.');
    await revise.getByRole('textbox', { name: 'Was hat sich geändert?' }).fill('Grundschulen benannt');
    await revise.getByRole('button', { name: 'Neue Version speichern' }).click();
    await page.getByRole('heading', { name: 'Text, Version 2' }).waitFor();
    const changes = page.locator('section', { has: page.getByRole('heading', { name: 'Änderungen am Text' }) });
    await expect(changes.locator('del')).toContainText('zwei Grundschulen');
    await expect(changes.locator('ins')).toContainText('Grundschule Am Park');
    await expect(page.getByRole('list').filter({ hasText: 'Version 2: Entwurf' })).toContainText('Grundschulen benannt');

    const submit = page.getByRole('form', { name: 'Zur Entscheidung einreichen' });
    // The people named in the rejected round are chosen again.
    await expect(submit.getByRole('combobox', { name: 'Zustimmung der Vertragsparteien: Stadt/Gemeinde' })).toHaveValue('demo-approver');
    await expect(submit.getByRole('combobox', { name: 'Zustimmung der Vertragsparteien: Freier Träger' })).toHaveValue(
      'demo-approver-provider',
    );
    await submit.getByRole('checkbox', { name: 'Der Jugendhilfeausschuss entscheidet ebenfalls' }).check();
    // Nobody named for the committee: the API says so in German, and nothing is submitted.
    await submit.getByRole('button', { name: 'Einreichen' }).click();
    await expect(submit.locator('.error-summary')).toContainText('Jugendhilfeausschuss');
    const jha = submit.getByRole('combobox', { name: 'Beschluss des Jugendhilfeausschusses: Jugendhilfeausschuss' });
    await expect(jha).toHaveAttribute('aria-invalid', 'true');
    await expect(await describedBy(page, jha)).toContainText('ist niemand benannt, der entscheidet');
    await expect(page.locator('.facts')).toContainText('Entwurf');
    await checkPage('agreement-resubmit-error');
    await jha.selectOption({ label: 'Demo Freigabe (Jugendhilfeausschuss)' });
    await submit.getByRole('button', { name: 'Einreichen' }).click();
    const round = page.locator('section', { has: page.getByRole('heading', { name: 'Entscheidungen, Runde 2 (Version 2)' }) });
    await expect(round).toContainText('Beschluss des Jugendhilfeausschusses: wartet');
    await expect(page.locator('.facts')).toContainText('In Abstimmung');
    await checkPage('agreement-resubmitted');
    await page.setViewportSize({ width: 390, height: 844 });
    await checkPage('agreement-resubmitted-390');
    await page.setViewportSize({ width: 1366, height: 900 });

    // The parties decide first (the Kommune’s approver for the town and the Landkreis), then the committee.
    await approveFromTasks('Demo Freigabe (Kommune)');
    await approveFromTasks('Demo Freigabe (Freier Träger)');

    await signOut();
    await signInAs(page, 'Demo Freigabe (Jugendhilfeausschuss)');
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    await page.getByRole('link', { name: new RegExp(`Entscheidung zur Vereinbarung ${second.reference}`) }).click();
    await page.getByRole('heading', { name: 'Ihre Entscheidung: Beschluss des Jugendhilfeausschusses' }).waitFor();
    await page.getByRole('radio', { name: 'Zustimmen' }).check();
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    const number = page.getByRole('textbox', { name: 'Beschlussnummer' });
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: 'Beschlussdatum' })).toHaveAttribute('aria-invalid', 'true');
    await checkPage('approver-committee-error');
    await number.fill('JHA-2026/017');
    const today = new Date().toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' });
    await page.getByRole('textbox', { name: 'Beschlussdatum' }).fill(today);
    await page.setViewportSize({ width: 390, height: 844 });
    await checkPage('approver-committee-390');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await expect(page.getByText('Für Sie ist zu dieser Vereinbarung derzeit nichts zu entscheiden.')).toBeVisible();
    await expect(
      page.locator('section', { has: page.getByRole('heading', { name: 'Bisherige Entscheidungen und Kommentare' }) }),
    ).toContainText(`Beschluss JHA-2026/017 vom ${today}`);
    await checkPage('approver-committee-done');

    // Approved, not yet in force (it starts in 30 days): in the coordinator's view and in the API.
    await signOut();
    await signInAs(page, 'Demo Regionalkoordination PR 1');
    await page.goto(`/vereinbarungen/${second.id}`);
    await page.getByRole('heading', { name: 'Vereinbarung: Schulsozialarbeit Nord' }).waitFor();
    await expect(page.locator('.facts')).toContainText('Genehmigt, noch nicht in Kraft');
    await expect(page.locator('section', { has: page.getByRole('heading', { name: /Entscheidungen, Runde 2/ }) })).toContainText(
      'Beschluss JHA-2026/017',
    );
    // The history names each decision (rejection, approvals) and the approval of the whole.
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'Verlauf' }) });
    await expect(history).toContainText('Ablehnung (Demo Freigabe (Kommune))');
    await expect(history).toContainText('Zustimmung (Demo Freigabe (Jugendhilfeausschuss))');
    await expect(history).toContainText('Genehmigt');
    await expect(history).not.toContainText('Ereignis');
    await checkPage('agreement-approved');
    const detail = await request(web.http)
      .get(`/cooperation-agreements/${second.id}`)
      .set('Authorization', await bearer(Role.Coordinator))
      .expect(200);
    expect(detail.body.status).toBe('approved');
    expect(detail.body.latest).toMatchObject({ version: 2, status: 'approved' });
    expect(web.consoleErrors).toEqual([]);
  });
});
