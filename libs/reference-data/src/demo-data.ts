import { DataSource } from 'typeorm';

/**
 * Demo reference data modelled on the seeds (Landkreis with 4 planning regions, 19 social spaces,
 * its 38 municipalities, 35 contract partners). Organisations only; no person in here is real.
 */
export const DEMO_PLANNING_REGIONS: Array<{ code: string; name: string; socialSpaces: string[] }> = [
  {
    code: 'PR1',
    name: 'Planregion 1 – Teltow/Kleinmachnow',
    socialSpaces: ['Teltow', 'Kleinmachnow', 'Stahnsdorf', 'Nuthetal', 'Michendorf'],
  },
  {
    code: 'PR2',
    name: 'Planregion 2 – Werder/Beelitz',
    socialSpaces: ['Werder (Havel)', 'Schwielowsee', 'Beelitz', 'Seddiner See', 'Groß Kreutz (Havel)'],
  },
  {
    code: 'PR3',
    name: 'Planregion 3 – Lehnin/Brück',
    socialSpaces: ['Kloster Lehnin', 'Brück', 'Wusterwitz-Ziesar', 'Beetzsee', 'Treuenbrietzen'],
  },
  { code: 'PR4', name: 'Planregion 4 – Bad Belzig/Fläming', socialSpaces: ['Bad Belzig', 'Wiesenburg/Mark', 'Niemegk', 'Görzke'] },
];

/**
 * The 38 municipalities of the Landkreis Potsdam-Mittelmark by demo social space (towns marked):
 * the first of each space keeps the code it had when every space had one municipality.
 */
export const DEMO_MUNICIPALITIES: Record<string, Array<[name: string, kind: 'stadt' | 'gemeinde']>> = {
  Teltow: [['Teltow', 'stadt']],
  Kleinmachnow: [['Kleinmachnow', 'gemeinde']],
  Stahnsdorf: [['Stahnsdorf', 'gemeinde']],
  Nuthetal: [['Nuthetal', 'gemeinde']],
  Michendorf: [['Michendorf', 'gemeinde']],
  'Werder (Havel)': [['Werder (Havel)', 'stadt']],
  Schwielowsee: [['Schwielowsee', 'gemeinde']],
  Beelitz: [['Beelitz', 'stadt']],
  'Seddiner See': [['Seddiner See', 'gemeinde']],
  'Groß Kreutz (Havel)': [['Groß Kreutz (Havel)', 'gemeinde']],
  'Kloster Lehnin': [['Kloster Lehnin', 'gemeinde']],
  Brück: [
    ['Brück', 'stadt'],
    ['Borkheide', 'gemeinde'],
    ['Borkwalde', 'gemeinde'],
    ['Golzow', 'gemeinde'],
    ['Linthe', 'gemeinde'],
    ['Planebruch', 'gemeinde'],
  ],
  'Wusterwitz-Ziesar': [
    ['Wusterwitz', 'gemeinde'],
    ['Bensdorf', 'gemeinde'],
    ['Rosenau', 'gemeinde'],
    ['Ziesar', 'stadt'],
    ['Buckautal', 'gemeinde'],
    ['Gräben', 'gemeinde'],
    ['Wenzlow', 'gemeinde'],
    ['Wollin', 'gemeinde'],
  ],
  Beetzsee: [
    ['Beetzsee', 'gemeinde'],
    ['Beetzseeheide', 'gemeinde'],
    ['Havelsee', 'stadt'],
    ['Päwesin', 'gemeinde'],
    ['Roskow', 'gemeinde'],
  ],
  Treuenbrietzen: [['Treuenbrietzen', 'stadt']],
  'Bad Belzig': [['Bad Belzig', 'stadt']],
  'Wiesenburg/Mark': [['Wiesenburg/Mark', 'gemeinde']],
  Niemegk: [
    ['Niemegk', 'stadt'],
    ['Mühlenfließ', 'gemeinde'],
    ['Planetal', 'gemeinde'],
    ['Rabenstein/Fläming', 'gemeinde'],
  ],
  Görzke: [['Görzke', 'gemeinde']],
};

const FREE_PROVIDERS = [
  'Familienzentrum Havelland e.V.',
  'Kinder- und Jugendwerk Mittelmark e.V.',
  'Jugendhilfe Fläming gGmbH',
  'Diakonisches Werk Mittelmark e.V.',
  'Caritasverband Havelseen e.V.',
  'AWO Kreisverband Mittelmark e.V.',
  'DRK Kreisverband Fläming e.V.',
  'Volkssolidarität Havelland e.V.',
  'Paritätische Jugendhilfe Teltow gGmbH',
  'Sozialraumbüro Beelitz e.V.',
  'Jugendsozialarbeit Lehnin e.V.',
  'Netzwerk Frühe Hilfen Mittelmark e.V.',
  'Erziehungsberatung Am See gGmbH',
  'Jugendclub Verbund Fläming e.V.',
  'Familienbildung Werder e.V.',
  'Streetwork Mittelmark e.V.',
];

export interface DemoUser {
  id: string;
  displayName: string;
  roles: string[];
  planningRegionCodes: string[];
  /** The demo team (by the region's number and kind) the user belongs to. */
  team?: { region: number; kind: 'asd_team' | 'regional_team' };
  organisation?: string;
  expertise?: string[];
}

const REGION_NUMBERS = [1, 2, 3, 4];

/**
 * One demo user per role (their ids are the subjects of `npm run token -- <role>`), plus the staff a
 * journey with several people needs: two caseworkers and a lead (Leitung) per planning region, and
 * an approver for each party kind of the cooperation agreement.
 */
export const DEMO_USERS: DemoUser[] = [
  {
    id: 'demo-caseworker',
    displayName: 'Demo Fachkraft (ASD)',
    roles: ['caseworker'],
    planningRegionCodes: ['PR1'],
    team: { region: 1, kind: 'asd_team' },
  },
  {
    id: 'demo-coordinator',
    displayName: 'Demo Regionalkoordination PR 1',
    roles: ['coordinator'],
    planningRegionCodes: ['PR1'],
    team: { region: 1, kind: 'regional_team' },
  },
  {
    id: 'demo-coordinator-pr2',
    displayName: 'Demo Regionalkoordination PR 2',
    roles: ['coordinator'],
    planningRegionCodes: ['PR2'],
    team: { region: 2, kind: 'regional_team' },
  },
  {
    id: 'demo-coordinator-pr3',
    displayName: 'Demo Regionalkoordination PR 3',
    roles: ['coordinator'],
    planningRegionCodes: ['PR3'],
    team: { region: 3, kind: 'regional_team' },
  },
  {
    id: 'demo-coordinator-pr4',
    displayName: 'Demo Regionalkoordination PR 4',
    roles: ['coordinator'],
    planningRegionCodes: ['PR4'],
    team: { region: 4, kind: 'regional_team' },
  },
  { id: 'demo-admin', displayName: 'Demo Administration', roles: ['admin'], planningRegionCodes: [] },
  { id: 'demo-statistics', displayName: 'Demo Statistikstelle', roles: ['statistics'], planningRegionCodes: [] },
  {
    id: 'demo-adviser',
    displayName: 'Demo Externe Beratung',
    roles: ['adviser'],
    planningRegionCodes: [],
    organisation: 'Erziehungsberatung Am See gGmbH',
    expertise: ['Erziehungsberatung', 'Kinderschutz'],
  },
  { id: 'demo-approver', displayName: 'Demo Freigabe (Kommune)', roles: ['approver'], planningRegionCodes: [], organisation: 'Kommune' },
  {
    id: 'demo-approver-provider',
    displayName: 'Demo Freigabe (Freier Träger)',
    roles: ['approver'],
    planningRegionCodes: [],
    organisation: 'Freier Träger',
  },
  {
    id: 'demo-approver-landkreis',
    displayName: 'Demo Freigabe (Landkreis)',
    roles: ['approver'],
    planningRegionCodes: [],
    organisation: 'Landkreis',
  },
  {
    id: 'demo-approver-jha',
    displayName: 'Demo Freigabe (Jugendhilfeausschuss)',
    roles: ['approver'],
    planningRegionCodes: [],
    organisation: 'Jugendhilfeausschuss',
  },
  ...REGION_NUMBERS.flatMap((n): DemoUser[] => [
    ...(n === 1 ? [2] : [1, 2]).map((k) => ({
      id: `demo-caseworker-pr${n}-${k}`,
      displayName: `Demo Fachkraft PR ${n} (${k})`,
      roles: ['caseworker'],
      planningRegionCodes: [`PR${n}`],
      team: { region: n, kind: 'asd_team' as const },
    })),
    {
      id: n === 1 ? 'demo-lead' : `demo-lead-pr${n}`,
      displayName: `Demo Leitung ASD PR ${n}`,
      roles: ['lead'],
      planningRegionCodes: [`PR${n}`],
      team: { region: n, kind: 'asd_team' as const },
    },
  ]),
];

/** The demo teams: an ASD-Team and a Regionalteam per planning region, both led by the region's lead. */
export const DEMO_TEAMS = REGION_NUMBERS.flatMap((n) => [
  { name: `ASD-Team Planregion ${n}`, kind: 'asd_team' as const, region: n, leadId: n === 1 ? 'demo-lead' : `demo-lead-pr${n}` },
  { name: `Regionalteam Planregion ${n}`, kind: 'regional_team' as const, region: n, leadId: n === 1 ? 'demo-lead' : `demo-lead-pr${n}` },
]);

const pad = (n: number) => String(n).padStart(2, '0');

/** Inserts or refreshes the demo reference data; running it twice changes nothing. */
export async function seedDemoData(
  dataSource: DataSource,
): Promise<{ regions: number; socialSpaces: number; partners: number; users: number; teams: number }> {
  return dataSource.transaction(async (m) => {
    let spaceNo = 0;
    let extraMunicipalityNo = DEMO_PLANNING_REGIONS.flatMap((r) => r.socialSpaces).length;
    const spaceIds: string[] = [];
    const regionIds = new Map<string, string>();
    const spacesByRegion = new Map<string, string[]>();
    for (const region of DEMO_PLANNING_REGIONS) {
      const [{ id: regionId }] = await m.query(
        `INSERT INTO planning_region (code, name) VALUES ($1, $2)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [region.code, region.name],
      );
      regionIds.set(region.code, regionId);
      spacesByRegion.set(region.code, []);
      for (const name of region.socialSpaces) {
        spaceNo += 1;
        const [{ id: spaceId }] = await m.query(
          `INSERT INTO social_space (code, name, planning_region_id) VALUES ($1, $2, $3)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, planning_region_id = EXCLUDED.planning_region_id RETURNING id`,
          [`SR${pad(spaceNo)}`, `Sozialraum ${name}`, regionId],
        );
        for (const [i, [municipality, kind]] of (DEMO_MUNICIPALITIES[name] ?? [[name, 'gemeinde']]).entries()) {
          const code = i === 0 ? `KOM${pad(spaceNo)}` : `KOM${pad(++extraMunicipalityNo)}`;
          await m.query(
            `INSERT INTO municipality (code, name, kind, social_space_id) VALUES ($1, $2, $3, $4)
             ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, social_space_id = EXCLUDED.social_space_id`,
            [code, municipality, kind, spaceId],
          );
        }
        spaceIds.push(spaceId);
        spacesByRegion.get(region.code)!.push(spaceId);
      }
    }

    const partners: Array<{ code: string; name: string; kind: string; spaces: string[] }> = [];
    DEMO_PLANNING_REGIONS.flatMap((r) => r.socialSpaces).forEach((name, i) => {
      partners.push({ code: `VP${pad(i + 1)}`, name: `Kommune ${name}`, kind: 'municipality', spaces: [spaceIds[i]] });
    });
    FREE_PROVIDERS.forEach((name, i) => {
      const first = (i * 7) % spaceIds.length;
      const spaces = [spaceIds[first], spaceIds[(first + 1) % spaceIds.length]];
      partners.push({ code: `VP${pad(spaceIds.length + i + 1)}`, name, kind: 'free_provider', spaces });
    });
    for (const [i, partner] of partners.entries()) {
      const accession = `2012-${pad((i % 12) + 1)}-01`;
      const [{ id }] = await m.query(
        `INSERT INTO contract_partner (code, name, kind, accession_date) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind RETURNING id`,
        [partner.code, partner.name, partner.kind, accession],
      );
      for (const spaceId of partner.spaces) {
        await m.query(
          `INSERT INTO contract_partner_social_space (contract_partner_id, social_space_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [id, spaceId],
        );
      }
    }

    for (const user of DEMO_USERS) {
      const regions = user.planningRegionCodes.map((code) => regionIds.get(code)!);
      const spaces = user.planningRegionCodes.flatMap((code) => spacesByRegion.get(code)!);
      await m.query(
        `INSERT INTO app_user (id, display_name, email, roles, planning_region_ids, social_space_ids, organisation, expertise, provisioned_by)
         VALUES ($1, $2, $6, $3, $4, $5, $7, $8, 'seed')
         ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email, roles = EXCLUDED.roles,
           planning_region_ids = EXCLUDED.planning_region_ids, social_space_ids = EXCLUDED.social_space_ids,
           organisation = EXCLUDED.organisation, expertise = EXCLUDED.expertise`,
        [
          user.id,
          user.displayName,
          user.roles,
          regions,
          spaces,
          `${user.id}@sro-engine.local`,
          user.organisation ?? null,
          user.expertise ?? [],
        ],
      );
    }
    const teamIds = new Map<string, string>();
    for (const team of DEMO_TEAMS) {
      const [{ id }] = await m.query(
        `INSERT INTO team (name, kind, planning_region_id, lead_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, planning_region_id = EXCLUDED.planning_region_id, lead_id = EXCLUDED.lead_id
         RETURNING id`,
        [team.name, team.kind, regionIds.get(`PR${team.region}`), team.leadId],
      );
      teamIds.set(`${team.region}:${team.kind}`, id);
    }
    for (const user of DEMO_USERS.filter((u) => u.team)) {
      await m.query(`UPDATE app_user SET team_id = $2 WHERE id = $1`, [user.id, teamIds.get(`${user.team!.region}:${user.team!.kind}`)]);
    }
    return {
      regions: DEMO_PLANNING_REGIONS.length,
      socialSpaces: spaceIds.length,
      partners: partners.length,
      users: DEMO_USERS.length,
      teams: DEMO_TEAMS.length,
    };
  });
}
