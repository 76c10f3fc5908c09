import request from 'supertest';
import { Role } from '@sro/common';
import { accessibilityViolations, describedBy, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { eventually } from '../../support/eventually';
import { bearer } from '../../support/tokens';

jest.setTimeout(180_000);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('web app: the coordinator’s journey (board → process → interviews → agreements)', () => {
  let web: Awaited<ReturnType<typeof webSystem>>;
  let coordinator: string;
  let overdueSpace: string;
  let agreementTitle: string;

  beforeAll(async () => {
    web = await webSystem('web-coordinator');
    coordinator = await bearer(Role.Coordinator);
    const http = () => request(web.http);
    const spaces: Array<{ id: string; name: string }> = await web.db.query(
      `SELECT s.id, s.name FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 2`,
    );
    const started: Array<{ id: string }> = [];
    for (const space of spaces)
      started.push(
        (await http().post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: space.id }).expect(201)).body,
      );
    // Once the workflow has written its start, the second process becomes overdue in the read model, so it must lead the board.
    overdueSpace = spaces[1].name;
    const recorded = async () =>
      (await web.db.query(`SELECT 1 FROM process_instance WHERE id = ANY($1) AND revision >= 1`, [started.map((p) => p.id)])).length === 2;
    await eventually(recorded, 30_000, 'both workflows recorded their state');
    await web.db.query(`UPDATE process_instance SET current_due_at = now() - interval '3 days' WHERE id = $1`, [started[1].id]);

    await http().put('/interview-cycles/schedule').set('Authorization', coordinator).send({ startNow: true }).expect(200);
    await eventually(
      async () => (await http().get('/interview-cycles/current').set('Authorization', coordinator)).body?.counts?.total === 35,
      90_000,
      'the interview cycle with 35 partners',
    );

    await web.db.query(
      `INSERT INTO app_user (id, display_name, roles) VALUES ('ap-m', 'Amt Teltow', '{approver}'), ('ap-p', 'Träger', '{approver}'), ('ap-l', 'Landkreis', '{approver}')`,
    );
    const [{ id: regionId }] = await web.db.query(`SELECT id FROM planning_region WHERE code = 'PR1'`);
    const [{ id: municipality }] = await web.db.query(`SELECT id FROM contract_partner WHERE kind = 'municipality' ORDER BY code LIMIT 1`);
    const [{ id: provider }] = await web.db.query(`SELECT id FROM contract_partner WHERE kind = 'free_provider' ORDER BY code LIMIT 1`);
    const parties = [
      { kind: 'contract_partner', refId: municipality },
      { kind: 'contract_partner', refId: provider },
      { kind: 'landkreis', name: 'Landkreis Potsdam-Mittelmark' },
    ];
    agreementTitle = 'Dreiseitiger Vertrag Familienzentrum Teltow';
    const created = await http()
      .post('/cooperation-agreements')
      .set('Authorization', coordinator)
      .send({
        title: agreementTitle,
        kind: 'three_party',
        planningRegionId: regionId,
        parties,
        socialSpaceIds: [spaces[0].id],
        body: 'Gemeinsame Finanzierung des Familienzentrums.',
        attachments: [],
        validFrom: day(30),
        validUntil: day(30 + 3 * 365),
      })
      .expect(201);
    await http()
      .post(`/cooperation-agreements/${created.body.id}/submit`)
      .set('Authorization', coordinator)
      .send({
        approvers: [
          { stageKey: 'parties', partyKey: 'municipality', approverIds: ['ap-m'] },
          { stageKey: 'parties', partyKey: 'provider', approverIds: ['ap-p'] },
          { stageKey: 'parties', partyKey: 'landkreis', approverIds: ['ap-l'] },
        ],
        committeeRequired: false,
      })
      .expect(200);
  });
  afterAll(async () => {
    await request(web.http).delete('/interview-cycles/schedule').set('Authorization', coordinator);
    await web?.close();
  });

  it('shows the deadlines overdue first, opens a process, extends a deadline, and sees interviews and agreements', async () => {
    const { page } = web;
    await signInAs(page, 'Demo Regionalkoordination PR 1');
    await page.getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Phasenfristen' }).click();
    await page.getByRole('heading', { name: 'Phasenfristen der Sozialräume' }).waitFor();
    const rows = page.locator('table tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Überfällig');
    await expect(rows.first()).toContainText(overdueSpace);
    await expect(rows.nth(1)).toContainText('Im Plan');

    // Filter by planning region: the URL keeps the filter, the rows stay (both are in PR 1).
    await page.getByLabel('Planregion').selectOption({ label: 'Planregion 1 – Teltow/Kleinmachnow' });
    await page.waitForURL(/planregion=/);
    await page.getByLabel('Stand').selectOption('overdue');
    await expect(rows).toHaveCount(1);
    await screenshot(page, 'coordinator-board');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: overdueSpace }).click();
    await page.getByRole('heading', { name: `Sozialraumprozess: ${overdueSpace}` }).waitFor();
    await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Phasen' }) }).locator('tbody tr')).toHaveCount(6);
    await expect(page.getByText('fehlt (Pflicht)').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: /Sozialraumbudget/ })).toBeVisible();
    await expect(page.getByText('Verfügbar', { exact: true }).first()).toBeVisible();
    await expect(page.locator('ol.history')).toContainText('Gestartet');

    // A deadline extension without a date: the server's problem appears at the field; the reason stays.
    await page.getByLabel('Begründung').fill('Beteiligungsveranstaltung wegen Kommunalwahl verschoben');
    await page.getByRole('button', { name: 'Frist verlängern' }).click();
    const dueField = page.getByLabel('Neue Frist');
    await expect(dueField).toHaveAttribute('aria-invalid', 'true');
    await expect(await describedBy(page, dueField)).toContainText('Bitte ein gültiges Datum angeben (TT.MM.JJJJ).');
    await expect(page.getByLabel('Begründung')).toHaveValue('Beteiligungsveranstaltung wegen Kommunalwahl verschoben');
    await dueField.fill(day(120));
    await page.getByRole('button', { name: 'Frist verlängern' }).click();
    await expect(page.getByText('Die Frist wurde verlängert.')).toBeVisible();
    await expect(page.locator('ol.history')).toContainText('Frist verlängert');
    await screenshot(page, 'coordinator-process');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Partnerinterviews' }).click();
    await page.getByText('Zyklus 1, begonnen am').waitFor();
    await expect(page.locator('table tbody tr')).toHaveCount(35);
    await expect(page.getByRole('definition').first()).toHaveText('35');

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Vereinbarungen' }).click();
    const agreement = page.locator('tbody tr', { hasText: agreementTitle });
    await expect(agreement).toContainText('In Abstimmung');
    await screenshot(page, 'coordinator');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(web.consoleErrors).toEqual([]);
  });
});
