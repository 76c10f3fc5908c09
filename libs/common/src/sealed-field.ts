import { openAesGcm, sealAesGcm } from './aes-gcm';

/**
 * Where a sealed value lives: its table, its column and its row's id. The additional data of the
 * AES-GCM seal binds all three (and the key id), so a value copied to another row, column or
 * table fails to open. Sealed columns are named `*_enc` in a table with an `id` column; the
 * re-seal migration finds them by that convention.
 */
export interface SealContext {
  table: string;
  column: string;
  rowId: string;
}

/** The keys of one purpose: the active one seals, all of them open. */
export interface SealingKeys {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Why a sealed value did not open. */
export type SealedValueFailure = 'malformed' | 'legacy-format' | 'unknown-key' | 'not-this-row';

/** A sealed value that cannot be opened where it was read; carries no plaintext. */
export class SealedValueError extends Error {
  constructor(
    readonly failure: SealedValueFailure,
    readonly at: SealContext | undefined,
    readonly keyId?: string,
  ) {
    const where = at ? ` (${at.table}.${at.column}, row ${at.rowId})` : '';
    super(`sealed value cannot be opened: ${failure}${where}`);
    this.name = 'SealedValueError';
  }
}

/** The prefix of the current format: `v2:<keyId>.<base64(iv|ciphertext|tag)>`. */
export const SEALED_V2_PREFIX = 'v2:';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function additionalData(keyId: string, at: SealContext): string {
  if (!IDENTIFIER.test(at.table) || !IDENTIFIER.test(at.column) || !at.column.endsWith('_enc')) {
    throw new Error(`sealed column must be a lower-case identifier ending in _enc: ${at.table}.${at.column}`);
  }
  if (!at.rowId) throw new Error(`sealed value of ${at.table}.${at.column} needs its row id`);
  // JSON keeps the parts apart: no choice of row id can make two different contexts equal.
  return JSON.stringify(['sro-field', 2, keyId, at.table, at.column, at.rowId]);
}

/** True for a value sealed before rows were bound (`<keyId>.<base64>`, additional data only the key id). */
export function isLegacySealed(sealed: string): boolean {
  return !sealed.startsWith(SEALED_V2_PREFIX) && /^[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9+/]+={0,2}$/.test(sealed);
}

/** Seals `plaintext` with the active key, bound to its place. */
export function sealField(keys: SealingKeys, plaintext: Uint8Array, at: SealContext): string {
  const key = keys.keys.get(keys.activeKeyId);
  if (!key) throw new SealedValueError('unknown-key', at, keys.activeKeyId);
  const data = sealAesGcm(key, additionalData(keys.activeKeyId, at), plaintext).toString('base64');
  return `${SEALED_V2_PREFIX}${keys.activeKeyId}.${data}`;
}

/** Opens a value sealed by sealField for exactly this place; throws SealedValueError otherwise. */
export function openField(keys: SealingKeys, sealed: string, at: SealContext): Buffer {
  if (!sealed.startsWith(SEALED_V2_PREFIX)) throw new SealedValueError(isLegacySealed(sealed) ? 'legacy-format' : 'malformed', at);
  const [keyId, data, extra] = sealed.slice(SEALED_V2_PREFIX.length).split('.');
  if (extra !== undefined || !KEY_ID.test(keyId ?? '') || !BASE64.test(data ?? '')) throw new SealedValueError('malformed', at);
  const key = keys.keys.get(keyId);
  if (!key) throw new SealedValueError('unknown-key', at, keyId);
  try {
    return openAesGcm(key, additionalData(keyId, at), Buffer.from(data, 'base64'));
  } catch {
    throw new SealedValueError('not-this-row', at, keyId);
  }
}

/** Seals in the format before rows were bound; only for the down migration. */
export function sealLegacyField(keys: SealingKeys, plaintext: Uint8Array): string {
  const key = keys.keys.get(keys.activeKeyId);
  if (!key) throw new SealedValueError('unknown-key', undefined, keys.activeKeyId);
  return `${keys.activeKeyId}.${sealAesGcm(key, keys.activeKeyId, plaintext).toString('base64')}`;
}

/** Opens a value in the format before rows were bound; only the re-seal migration reads it. */
export function openLegacyField(keys: SealingKeys, sealed: string): Buffer {
  if (!isLegacySealed(sealed)) throw new SealedValueError('malformed', undefined);
  const [keyId, data] = sealed.split('.');
  const key = keys.keys.get(keyId);
  if (!key) throw new SealedValueError('unknown-key', undefined, keyId);
  try {
    return openAesGcm(key, keyId, Buffer.from(data, 'base64'));
  } catch {
    throw new SealedValueError('malformed', undefined, keyId);
  }
}
