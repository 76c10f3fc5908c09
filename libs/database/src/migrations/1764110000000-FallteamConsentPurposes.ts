import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

type Spec = Record<string, unknown>;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Spec)[k])]),
    );
  return value;
}

/**
 * Rewrites the spec of every stored version of a definition key and its checksum. The checksum is
 * the one of libs/definitions (SHA-256 of the canonical JSON), repeated here because the database lib
 * imports no domain code and a migration must keep computing what it computed when it was written.
 */
export async function patchDefinitionSpecs(q: QueryRunner, key: string, patch: (spec: Spec) => Spec): Promise<void> {
  const rows: Array<{ id: string; spec: Spec }> = await q.query('SELECT id, spec FROM workflow_definition WHERE key = $1', [key]);
  for (const row of rows) {
    const spec = patch({ ...row.spec });
    const checksum = createHash('sha256')
      .update(JSON.stringify(canonical(spec)))
      .digest('hex');
    await q.query('UPDATE workflow_definition SET spec = $2, checksum = $3 WHERE id = $1', [row.id, JSON.stringify(spec), checksum]);
  }
}

/** The Fallteam definition lists the purposes a consent may name (`consentPurposes`); stored versions get the seed's list. */
export class FallteamConsentPurposes1764110000000 implements MigrationInterface {
  name = 'FallteamConsentPurposes1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await patchDefinitionSpecs(q, 'fallteam-consultation', (spec) => ({
      ...spec,
      consentPurposes: spec.consentPurposes ?? [
        'fallteam',
        'help-planning',
        'exchange-with-provider',
        'exchange-with-school',
        'exchange-with-health-service',
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await patchDefinitionSpecs(q, 'fallteam-consultation', ({ consentPurposes: _dropped, ...spec }) => spec);
  }
}
