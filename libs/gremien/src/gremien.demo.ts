import { DataSource } from 'typeorm';

/** Fixed ids, so that seeding twice changes nothing. */
const id = (n: number) => `6a7e0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** The demo Sozialraumkonferenz, its meeting awaiting minutes, and the demo Trägerverbund (tests address them). */
export const DEMO_GREMIEN_IDS = { committee: id(1), meetingAwaitingMinutes: id(1002), providerNetwork: id(9001) } as const;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo committees for the demo reference data (run after `seedDemoData`): a Sozialraumkonferenz in
 * Teltow with members, a past meeting whose minutes were approved at the following one and hold open
 * tasks for the demo caseworker and coordinator (with their reminders), the following meeting awaiting
 * its minutes and a planned one; the Regionalteam and Fallteam of planning region 1, the
 * Jugendhilfeausschuss; and a Trägerverbund in Teltow. Invented; no real person. Idempotent.
 */
export async function seedDemoGremien(dataSource: DataSource): Promise<{ committees: number; meetings: number; networks: number }> {
  return dataSource.transaction(async (m) => {
    const [space] = await m.query(`SELECT id, planning_region_id AS "regionId" FROM social_space WHERE name = 'Sozialraum Teltow'`);
    const [region] = await m.query(`SELECT id FROM planning_region WHERE code = 'PR1'`);
    if (!space || !region) return { committees: 0, meetings: 0, networks: 0 };
    const committees: Array<[number, string, string, string | null, string | null]> = [
      [1, 'sozialraumkonferenz', 'Sozialraumkonferenz Teltow', region.id, space.id],
      [2, 'regionalteam', 'Regionalteam Planregion 1', region.id, null],
      [3, 'fallteam', 'Fallteam Planregion 1', region.id, null],
      [4, 'jugendhilfeausschuss', 'Jugendhilfeausschuss des Landkreises', null, null],
    ];
    for (const [n, kind, name, regionId, spaceId] of committees)
      await m.query(
        `INSERT INTO committee (id, kind, name, planning_region_id, social_space_id, created_by) VALUES ($1, $2, $3, $4, $5, 'seed')
         ON CONFLICT (id) DO NOTHING`,
        [id(n), kind, name, regionId, spaceId],
      );
    const partners: Array<{ id: string; name: string }> = await m.query(
      `SELECT p.id, p.name FROM contract_partner p JOIN contract_partner_social_space ps ON ps.contract_partner_id = p.id
        WHERE ps.social_space_id = $1 ORDER BY p.code`,
      [space.id],
    );
    const members: Array<[number, number, string, string | null, string | null, string | null, string | null]> = [
      [101, 1, 'user', 'demo-coordinator', null, null, 'Moderation'],
      [102, 1, 'user', 'demo-caseworker', null, null, 'ASD'],
      [103, 1, 'user', 'demo-lead', null, null, 'Leitung ASD'],
      [104, 1, 'external', null, null, 'Erika Beispiel (erfunden)', 'Schulsozialarbeit'],
      ...partners.map((p, i): [number, number, string, string | null, string | null, string | null, string | null] => [
        110 + i,
        1,
        'contract_partner',
        null,
        p.id,
        null,
        null,
      ]),
      [201, 2, 'user', 'demo-coordinator', null, null, 'Regionalkoordination'],
      [202, 2, 'user', 'demo-lead', null, null, 'Leitung'],
      [203, 2, 'user', 'demo-caseworker', null, null, 'Netzwerk Kinderschutz'],
      [301, 3, 'user', 'demo-caseworker', null, null, null],
      [302, 3, 'user', 'demo-caseworker-pr1-2', null, null, null],
      [401, 4, 'user', 'demo-coordinator', null, null, 'Berichterstattung'],
    ];
    for (const [n, committee, kind, userId, partnerId, name, fn] of members)
      await m.query(
        `INSERT INTO committee_member (id, committee_id, kind, user_id, contract_partner_id, name, function, organisation, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'seed') ON CONFLICT (id) DO NOTHING`,
        [id(n), id(committee), kind, userId, partnerId, name, fn, kind === 'external' ? 'Grundschule (erfunden)' : null],
      );

    const existing = await m.query(`SELECT 1 FROM meeting WHERE id = $1`, [id(1001)]);
    if (existing.length === 0) {
      const past = new Date(Date.now() - 42 * 86_400_000);
      past.setUTCHours(14, 0, 0, 0);
      const recent = new Date(Date.now() - 14 * 86_400_000);
      recent.setUTCHours(14, 0, 0, 0);
      const next = new Date(Date.now() + 28 * 86_400_000);
      next.setUTCHours(14, 0, 0, 0);
      for (const [n, at] of [
        [1001, past],
        [1002, recent],
        [1003, next],
      ] as const)
        await m.query(`INSERT INTO meeting (id, committee_id, starts_at, place, created_by) VALUES ($1, $2, $3, $4, 'seed')`, [
          id(n),
          id(1),
          at,
          'Rathaus Teltow, Ratssaal',
        ]);
      const agenda = [
        'Begrüßung und Genehmigung des Protokolls der letzten Sitzung',
        'Ziele laut Sozialraumvertrag: Stand der Maßnahmen',
        'Präventionsangebote für Familien mit kleinen Kindern',
        'Verschiedenes',
      ];
      for (const meeting of [1001, 1002, 1003])
        for (const [i, title] of agenda.entries())
          await m.query(`INSERT INTO meeting_agenda_item (meeting_id, position, title) VALUES ($1, $2, $3)`, [id(meeting), i + 1, title]);
      for (const [member, status] of [
        [101, 'present'],
        [102, 'present'],
        [103, 'excused'],
        [104, 'present'],
      ] as const)
        await m.query(`INSERT INTO meeting_attendance (meeting_id, member_id, status) VALUES ($1, $2, $3)`, [id(1001), id(member), status]);
      await m.query(`UPDATE meeting SET minutes_status = 'draft', minutes_summary = $2 WHERE id = $1`, [
        id(1001),
        'Die Konferenz hat den Stand der Maßnahmen besprochen und ein Elterncafé als Präventionsangebot vereinbart.',
      ]);
      for (const [i, text] of [
        'Ein Elterncafé im Familienzentrum wird ab dem nächsten Quartal erprobt.',
        'Die Schulsozialarbeit wird zur nächsten Sitzung eingeladen.',
      ].entries())
        await m.query(`INSERT INTO meeting_decision (meeting_id, position, text) VALUES ($1, $2, $3)`, [id(1001), i + 1, text]);
      const tasks: Array<[number, string, string, number]> = [
        [5001, 'Räume für das Elterncafé im Familienzentrum klären', 'demo-caseworker', 7],
        [5002, 'Einladung an die Schulsozialarbeit versenden', 'demo-coordinator', 10],
      ];
      for (const [i, [n, title, assignee, due]] of tasks.entries())
        await m.query(`INSERT INTO meeting_task (id, meeting_id, position, title, assignee_id, due_on) VALUES ($1, $2, $3, $4, $5, $6)`, [
          id(n),
          id(1001),
          i + 1,
          title,
          assignee,
          day(due),
        ]);
      await m.query(
        `UPDATE meeting SET minutes_status = 'submitted', minutes_submitted_at = $2, minutes_submitted_by = 'demo-coordinator' WHERE id = $1`,
        [id(1001), new Date(past.getTime() + 2 * 86_400_000)],
      );
      await m.query(
        `UPDATE meeting SET minutes_status = 'approved', minutes_approved_at = $2, minutes_approved_by = 'demo-coordinator', minutes_approved_in = $3
          WHERE id = $1`,
        [id(1001), recent, id(1002)],
      );
      const pastDay = past.toISOString().slice(0, 10).split('-').reverse().join('.');
      for (const [n, , assignee, due] of tasks)
        // The reconciler brings a scheduled row into the queue.
        await m.query(
          `INSERT INTO reminder (key, due_at, recipients, template, context, channels, status)
           VALUES ($1, $2, $3, 'meeting-task-due', $4, ARRAY['in_app', 'email'], 'scheduled') ON CONFLICT (key) DO NOTHING`,
          [
            `meeting-task/${id(1001)}/${id(n)}`,
            `${day(due)}T00:00:00.000Z`,
            JSON.stringify([{ type: 'user', id: assignee }]),
            JSON.stringify({
              subjectTitle: `Sozialraumkonferenz Teltow, Sitzung am ${pastDay}`,
              dueAt: `${day(due)}T00:00:00.000Z`,
              link: `/gremien/sitzungen/${id(1001)}`,
            }),
          ],
        );
    }

    const networkMembers = partners.map((p) => p.id);
    const lead = partners.find((p) => p.name.includes('Teltow') && !p.name.startsWith('Kommune')) ?? partners[0];
    if (lead) {
      const agreement = await m.query(
        `SELECT id FROM cooperation_agreement WHERE $1::uuid = ANY(social_space_ids) ORDER BY created_at LIMIT 1`,
        [space.id],
      );
      await m.query(
        `INSERT INTO provider_network (id, name, social_space_id, lead_partner_id, agreement_id, created_by)
         VALUES ($1, 'Trägerverbund Teltow (Kinder- und Jugendarbeit)', $2, $3, $4, 'seed') ON CONFLICT (id) DO NOTHING`,
        [id(9001), space.id, lead.id, agreement[0]?.id ?? null],
      );
      await m.query(
        `INSERT INTO provider_network_member (network_id, contract_partner_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [id(9001), networkMembers],
      );
    }
    return { committees: committees.length, meetings: 3, networks: lead ? 1 : 0 };
  });
}
