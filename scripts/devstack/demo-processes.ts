import { Client } from 'pg';
import { signDevToken } from '@sro/auth';
import { Role } from '@sro/common';
import { DEMO_USERS } from '@sro/reference-data';

/**
 * Starts the six-phase process for every demo social space that has none running, through the
 * API as the coordinator of its planning region (so it takes the same path a person would).
 */
export async function startDemoProcesses(apiUrl: string, databaseUrl: string, devSecret: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let started = 0;
  try {
    const { rows } = await db.query<{ id: string; code: string }>(
      `SELECT s.id, r.code FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id
        WHERE NOT EXISTS (SELECT 1 FROM process_instance p WHERE p.definition_key = 'sozialraum-development'
                            AND p.subject_id = s.id::text AND p.status IN ('running', 'paused'))
        ORDER BY s.code`,
    );
    for (const space of rows) {
      const coordinator = DEMO_USERS.find((u) => u.roles.includes('coordinator') && u.planningRegionCodes.includes(space.code));
      if (!coordinator) continue;
      const token = await signDevToken(devSecret, Role.Coordinator, coordinator.id);
      const res = await fetch(`${apiUrl}/sozialraum-processes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ socialSpaceId: space.id }),
      });
      if (res.status === 201) started += 1;
      else if (res.status !== 409) throw new Error(`starting the demo process of ${space.id} failed: ${res.status} ${await res.text()}`);
    }
  } finally {
    await db.end();
  }
  return started;
}

/**
 * Creates the interview schedule (every two years from now, first cycle at once) when the
 * installation has none, as the demo coordinator. Returns whether it created one.
 */
export async function ensureDemoInterviewSchedule(apiUrl: string, devSecret: string): Promise<boolean> {
  const authorization = `Bearer ${await signDevToken(devSecret, Role.Coordinator, 'demo-coordinator')}`;
  const existing = await fetch(`${apiUrl}/interview-cycles/schedule`, { headers: { authorization } });
  if (existing.status === 200) return false;
  if (existing.status !== 404) throw new Error(`reading the interview schedule failed: ${existing.status} ${await existing.text()}`);
  const res = await fetch(`${apiUrl}/interview-cycles/schedule`, {
    method: 'PUT',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ startNow: true }),
  });
  if (res.status !== 200) throw new Error(`creating the interview schedule failed: ${res.status} ${await res.text()}`);
  return true;
}

/** Creates the daily retention schedule (case data past its deletion date) when there is none, as the demo admin. */
export async function ensureRetentionSchedule(apiUrl: string, devSecret: string): Promise<boolean> {
  const authorization = `Bearer ${await signDevToken(devSecret, Role.Admin, 'demo-admin')}`;
  const existing = await fetch(`${apiUrl}/retention/schedule`, { headers: { authorization } });
  if (existing.status === 200) return false;
  if (existing.status !== 404) throw new Error(`reading the retention schedule failed: ${existing.status} ${await existing.text()}`);
  const res = await fetch(`${apiUrl}/retention/schedule`, {
    method: 'PUT',
    headers: { authorization, 'content-type': 'application/json' },
    body: '{}',
  });
  if (res.status !== 200) throw new Error(`creating the retention schedule failed: ${res.status} ${await res.text()}`);
  return true;
}

/** Invented families for the demo (no real person): name, children's birth dates, will, goals, resources. */
const DEMO_FAMILIES = [
  {
    familyName: 'Beispiel',
    givenNames: ['Mara', 'Jonas'],
    birthDates: ['2013-05-14'],
    address: 'Musterweg 1, 14513 Teltow',
    will: 'Wir möchten, dass Jonas wieder regelmäßig zur Schule geht und nachmittags Anschluss findet.',
    goals: ['Regelmäßiger Schulbesuch', 'Ein fester Nachmittagstermin in der Woche'],
    resources: { person: ['Jonas spielt gern Basketball'], surroundings: ['Die Tante wohnt im Ort'], socialSpace: ['Jugendclub am Markt'] },
    questions: ['Welche Angebote im Sozialraum passen zu Jonas?'],
  },
  {
    familyName: 'Probe',
    givenNames: ['Sina', 'Emil'],
    birthDates: ['2016-09-02'],
    address: 'Beispielstraße 5, 14532 Kleinmachnow',
    will: 'Wir wollen als Familie wieder mehr gemeinsam schaffen und Unterstützung im Alltag.',
    goals: ['Feste Tagesstruktur', 'Entlastung der Mutter'],
    resources: { person: ['Emil malt gern'], surroundings: ['Gute Nachbarschaft'], socialSpace: ['Familienzentrum'] },
    questions: ['Welche Entlastung im Sozialraum ist für die Familie erreichbar?'],
  },
] as const;

/**
 * Casework waiting at first sign-in, through the API as a person would do it (only when the demo
 * caseworker has no case yet): two invented Fallteam cases of `demo-caseworker` in Teltow with a
 * consultation each — one waiting to be scheduled („Fallteam terminieren“), one scheduled into a
 * session next week with `demo-adviser` invited and the packet released („Empfehlung abgeben“ for the
 * adviser) — and a follow-up due today. Returns the number of cases created.
 */
export async function ensureDemoCasework(apiUrl: string, databaseUrl: string, devSecret: string): Promise<number> {
  const caseworker = `Bearer ${await signDevToken(devSecret, Role.Caseworker, 'demo-caseworker')}`;
  const call = async (method: string, path: string, body?: unknown): Promise<{ id: string } & Record<string, unknown>> => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: caseworker, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`demo casework: ${method} ${path} failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string } & Record<string, unknown>;
  };
  const existing = (await call('GET', '/cases?limit=1')) as unknown as { total: number };
  if (existing.total > 0) return 0;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let spaceId: string | undefined;
  try {
    spaceId = (await db.query<{ id: string }>(`SELECT id FROM social_space WHERE name = 'Sozialraum Teltow'`)).rows[0]?.id;
  } finally {
    await db.end();
  }
  if (!spaceId) return 0;
  const consultations: string[] = [];
  for (const family of DEMO_FAMILIES) {
    const { questions, will, goals, resources, ...personal } = family;
    const created = await call('POST', '/cases', {
      socialSpaceId: spaceId,
      zone: 'service',
      personal: { ...personal, givenNames: [...personal.givenNames], birthDates: [...personal.birthDates], familyMembers: [] },
      will,
      goals: [...goals],
      resources: { person: [...resources.person], surroundings: [...resources.surroundings], socialSpace: [...resources.socialSpace] },
      confided: [],
    });
    consultations.push((await call('POST', `/cases/${created.id}/consultations`, { questions: [...questions] })).id);
    if (consultations.length === 1) {
      await call('POST', `/cases/${created.id}/follow-ups`, {
        dueOn: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date()),
        text: 'Rückmeldung der Schule zur Anwesenheit einholen',
      });
    }
  }
  // The second consultation: into a session next week, the adviser invited, the packet released.
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  startsAt.setUTCHours(13, 0, 0, 0);
  const session = await call('POST', '/fallteam-sessions', {
    startsAt: startsAt.toISOString(),
    place: 'Rathaus Teltow, Raum 2',
    capacity: 4,
    moderatorId: 'demo-caseworker',
  });
  await call('POST', `/consultations/${consultations[1]}/schedule`, { sessionId: session.id });
  await call('POST', `/consultations/${consultations[1]}/invitations`, { adviserIds: ['demo-adviser'] });
  await call('POST', `/consultations/${consultations[1]}/packet-release`);
  return DEMO_FAMILIES.length;
}

/**
 * A three-party cooperation agreement of Teltow submitted for decision (only when there is none
 * yet), as the demo coordinator through the API: the approvers of the Kommune (`demo-approver`),
 * the provider and the Landkreis find „Entscheidung zur Vereinbarung …“ waiting. Returns whether it
 * created one.
 */
export async function ensureDemoAgreement(apiUrl: string, databaseUrl: string, devSecret: string): Promise<boolean> {
  const coordinator = `Bearer ${await signDevToken(devSecret, Role.Coordinator, 'demo-coordinator')}`;
  const call = async (method: string, path: string, body?: unknown): Promise<{ id: string; total?: number }> => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: coordinator, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`demo agreement: ${method} ${path} failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; total?: number };
  };
  if (((await call('GET', '/cooperation-agreements?limit=1')).total ?? 0) > 0) return false;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let ids: { regionId?: string; spaceId?: string; municipality?: string; provider?: string };
  try {
    const one = async (sql: string) => (await db.query<{ id: string }>(sql)).rows[0]?.id;
    ids = {
      regionId: await one(`SELECT id FROM planning_region WHERE code = 'PR1'`),
      spaceId: await one(`SELECT id FROM social_space WHERE name = 'Sozialraum Teltow'`),
      municipality: await one(`SELECT id FROM contract_partner WHERE kind = 'municipality' ORDER BY code LIMIT 1`),
      provider: await one(`SELECT id FROM contract_partner WHERE kind = 'free_provider' ORDER BY code LIMIT 1`),
    };
  } finally {
    await db.end();
  }
  if (!ids.regionId || !ids.spaceId || !ids.municipality || !ids.provider) return false;
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const agreement = await call('POST', '/cooperation-agreements', {
    title: 'Kooperationsvereinbarung Familienzentrum Teltow',
    kind: 'three_party',
    planningRegionId: ids.regionId,
    parties: [
      { kind: 'contract_partner', refId: ids.municipality },
      { kind: 'contract_partner', refId: ids.provider },
      { kind: 'landkreis', name: 'Landkreis Potsdam-Mittelmark' },
    ],
    socialSpaceIds: [ids.spaceId],
    body: 'Stadt, Träger und Landkreis betreiben gemeinsam das Familienzentrum Teltow: offene Elternberatung, Elterncafé und Angebote mit Kitas und Schulen im Sozialraum.',
    attachments: [],
    validFrom: day(30),
    validUntil: day(30 + 3 * 365),
  });
  await call('POST', `/cooperation-agreements/${agreement.id}/submit`, {
    approvers: [
      { stageKey: 'parties', partyKey: 'municipality', approverIds: ['demo-approver'] },
      { stageKey: 'parties', partyKey: 'provider', approverIds: ['demo-approver-provider'] },
      { stageKey: 'parties', partyKey: 'landkreis', approverIds: ['demo-approver-landkreis'] },
    ],
    committeeRequired: false,
  });
  return true;
}
