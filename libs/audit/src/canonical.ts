import { createHash, createHmac } from 'node:crypto';

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

/**
 * The link of a row: HMAC-SHA-256 with the chain key (or, for rows written before the chain was
 * keyed, plain SHA-256) over the previous hash and a canonical serialisation (jsonb reorders keys,
 * so keys are sorted). Without the key nobody can recompute a keyed chain.
 */
export function chainHash(prevHash: string, row: ChainedFields, key?: Buffer): string {
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
  const digest = key ? createHmac('sha256', key) : createHash('sha256');
  return digest.update(prevHash).update('\n').update(canonical).digest('hex');
}

/** The chain key and the checkpoint key, both derived from AUDIT_CHAIN_KEY (one secret, two purposes). */
export function auditKeys(secret: Buffer): { chain: Buffer; checkpoint: Buffer } {
  const derive = (purpose: string) => createHmac('sha256', secret).update(`sro-audit:${purpose}`).digest();
  return { chain: derive('chain'), checkpoint: derive('checkpoint') };
}
