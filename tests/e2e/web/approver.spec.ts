import request from 'supertest';
import { Role } from '@sro/common';
import { accessibilityViolations, describedBy, englishMessages, screenshot, signInAs, webSystem } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { bearer } from '../../support/tokens';

jest.setTimeout(180_000);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('web app: the approver’s journey (task → decision page with the change → approve; reject with confirmation)', () => {
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
});
