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
