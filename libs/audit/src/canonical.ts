import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that the hash covers. */
export interface ChainedFields {
  id: string;
  occurredAt: Date;
  actorId: string;
  actorRoles: string[];
  action: string;
  resourceType: string;
  resourceId: string | null;
  purpose: string;
  outcome: string;
  requestId: string | null;
  details: Record<string, unknown>;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** SHA-256 over the previous hash and a canonical serialisation (jsonb reorders keys, so keys are sorted). */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const canonical = JSON.stringify([
    row.id,
    row.occurredAt.toISOString(),
    row.actorId,
    row.actorRoles,
    row.action,
    row.resourceType,
    row.resourceId,
    row.purpose,
    row.outcome,
    row.requestId,
    sortKeys(row.details),
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
