import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

type Party = { kind: string; whenPresent?: boolean };
type Spec = { approvalStages?: Array<{ parties?: Party[] }> };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The checksum of the definitions lib (`specChecksum`), frozen here as this migration wrote it. */
export function migrationSpecChecksum(spec: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(spec)))
    .digest('hex');
}

/**
 * Version 1 of `cooperation-agreement` gets the new `whenPresent` party field: its municipality,
 * free provider and Landkreis decide only when they are parties of the agreement (a bilateral
 * agreement needs only its two parties). Every other stored version keeps what it meant: every
 * party decides (`whenPresent: false`). Running agreements keep the spec they pinned.
 */
export function addWhenPresent(spec: Spec, version: number): Spec {
  const next = JSON.parse(JSON.stringify(spec)) as Spec;
  for (const stage of next.approvalStages ?? [])
    for (const party of stage.parties ?? [])
      if (party.whenPresent === undefined) party.whenPresent = version === 1 && party.kind !== 'youth_welfare_committee';
  return next;
}

export function removeWhenPresent(spec: Spec): Spec {
  const next = JSON.parse(JSON.stringify(spec)) as Spec;
  for (const stage of next.approvalStages ?? []) for (const party of stage.parties ?? []) delete party.whenPresent;
  return next;
}

export class AgreementApprovalFollowsParties1764120000000 implements MigrationInterface {
  name = 'AgreementApprovalFollowsParties1764120000000';

  async up(q: QueryRunner): Promise<void> {
    await this.rewrite(q, (spec, version) => addWhenPresent(spec, version));
  }

  async down(q: QueryRunner): Promise<void> {
    await this.rewrite(q, (spec) => removeWhenPresent(spec));
  }

  private async rewrite(q: QueryRunner, change: (spec: Spec, version: number) => Spec): Promise<void> {
    const rows: Array<{ id: string; version: number; spec: Spec }> = await q.query(
      `SELECT id, version, spec FROM workflow_definition WHERE key = 'cooperation-agreement'`,
    );
    for (const row of rows) {
      const spec = change(row.spec, row.version);
      await q.query(`UPDATE workflow_definition SET spec = $2, checksum = $3 WHERE id = $1`, [
        row.id,
        JSON.stringify(spec),
        migrationSpecChecksum(spec),
      ]);
    }
  }
}
