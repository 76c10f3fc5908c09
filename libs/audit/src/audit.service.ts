import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEvent, AuditOutcome } from './audit-event.entity';
import { AuditCheckpoint, checkpointSignatureHolds } from './audit-checkpoints';
import { AuditRepository, AuditFilter } from './audit.repository';
import { AuditSettings } from './audit.settings';
import { chainHash, GENESIS_HASH } from './canonical';

/** What a caller tells the audit log; ids and purposes only, never personal data. */
export interface AuditEntry {
  actorId: string;
  actorRoles: string[];
  action: string;
  resourceType: string;
  resourceId?: string | null;
  purpose: string;
  outcome: AuditOutcome;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not hold. */
  brokenAt?: string;
  reason?: string;
  /** Rows from before the chain was keyed (plain SHA-256); present only when there are any. */
  legacyRows?: number;
  /** Checkpoints the chain was held against; present only when checkpoints were given. */
  checkpoints?: number;
}

/**
 * The row that starts the keyed part of a chain that has older, unkeyed rows; it is itself keyed.
 * A chain that starts empty is keyed from its first row and needs none.
 */
export const KEYED_CHAIN_MARKER = { action: 'chain-keyed', resourceType: 'audit-log' } as const;

const VERIFY_BATCH = 5_000;
const MAX_BATCH = 500;

interface Waiting {
  entries: AuditEntry[];
  resolve: (rows: AuditEvent[]) => void;
  reject: (error: unknown) => void;
}

/** Appends to and verifies the keyed hash chain of the audit log. */
@Injectable()
export class AuditService {
  private readonly waiting: Waiting[] = [];
  private writing = false;
  /** Known to end in a keyed row (or a marker exists), so no marker is needed any more. */
  private chainKeyed = false;
  private readonly appendListeners: Array<(seconds: number, rows: number) => void> = [];

  constructor(
    private readonly repo: AuditRepository,
    private readonly settings: AuditSettings,
  ) {}

  /**
   * Appends one event, linked to the previous one; resolves once it is committed. Events that
   * arrive while a write is under way are committed together in the next one (group commit), so
   * a lone event waits for nothing and a busy API takes the chain's lock once per batch.
   */
  record(entry: AuditEntry): Promise<AuditEvent> {
    return this.recordAll([entry]).then(([row]) => row);
  }

  /** Appends several events of one call, linked in order and committed in the same transaction. */
  recordAll(entries: AuditEntry[]): Promise<AuditEvent[]> {
    return new Promise<AuditEvent[]>((resolve, reject) => {
      this.waiting.push({ entries, resolve, reject });
      void this.drain();
    });
  }

  /** Called after each committed batch with its duration (metrics). */
  onAppend(listener: (seconds: number, rows: number) => void): void {
    this.appendListeners.push(listener);
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        // Whole calls only: the events of one call never straddle two transactions.
        let count = 0;
        let take = 0;
        while (take < this.waiting.length && (take === 0 || count + this.waiting[take].entries.length <= MAX_BATCH))
          count += this.waiting[take++].entries.length;
        const batch = this.waiting.splice(0, take);
        try {
          const started = process.hrtime.bigint();
          const rows = await this.append(batch.flatMap((w) => w.entries));
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          for (const listener of this.appendListeners) listener(seconds, rows.length);
          let at = 0;
          for (const w of batch) {
            w.resolve(rows.slice(at, at + w.entries.length));
            at += w.entries.length;
          }
        } catch (error) {
          batch.forEach((w) => w.reject(error));
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** One transaction: the chain's lock, its last link, then every entry linked in order. */
  private async append(entries: AuditEntry[]): Promise<AuditEvent[]> {
    const rows = await this.repo.withChainEnd(async (last, tx, end) => {
      // Once per process: a chain that ends in an unkeyed row was written before the chain was keyed.
      const needsMarker = !this.chainKeyed && last !== undefined && !(await this.endsKeyed(tx));
      let id = last ? BigInt(last.id) : 0n;
      let prevHash = last?.hash ?? GENESIS_HASH;
      const now = new Date();
      const link = (entry: AuditEntry): AuditEvent => {
        id += 1n;
        const row = this.repo.create({
          id: id.toString(),
          occurredAt: now,
          actorId: entry.actorId,
          actorRoles: [...entry.actorRoles].sort(),
          action: entry.action,
          resourceType: entry.resourceType,
          resourceId: entry.resourceId ?? null,
          purpose: entry.purpose,
          outcome: entry.outcome,
          requestId: entry.requestId ?? null,
          details: entry.details ?? {},
          prevHash,
        });
        row.hash = chainHash(row.prevHash, row, this.settings.chainKey);
        prevHash = row.hash;
        return row;
      };
      const marker = needsMarker
        ? [
            link({
              actorId: 'system',
              actorRoles: [],
              ...KEYED_CHAIN_MARKER,
              purpose: 'Manipulationsschutz',
              outcome: 'allowed',
              details: { chainVersion: 2 },
            }),
          ]
        : [];
      const linked = entries.map(link);
      // Sent with the COMMIT: the chain's lock is held for one round trip less.
      await this.repo.insert(tx, [...marker, ...linked], end);
      return linked;
    });
    this.chainKeyed = true;
    return rows;
  }

  private async endsKeyed(tx: EntityManager): Promise<boolean> {
    const row = await this.repo.lastRow(tx);
    return !row || chainHash(row.prevHash, row, this.settings.chainKey) === row.hash;
  }

  /** A page of events, newest first. */
  list(filter: AuditFilter): Promise<{ items: AuditEvent[]; total: number }> {
    return this.repo.list(filter);
  }

  /**
   * Walks the whole chain in id order and recomputes every hash: keyed rows with the chain key,
   * rows from before the chain was keyed with plain SHA-256 up to the marker. With checkpoints,
   * the rows they name must still have their hashes, and the chain must reach the last of them:
   * a chain rewritten and recomputed (even with the key) after a checkpoint fails here.
   */
  async verify(checkpoints?: AuditCheckpoint[]): Promise<ChainVerification> {
    const pending = new Map<string, AuditCheckpoint[]>();
    for (const checkpoint of checkpoints ?? []) {
      if (!checkpointSignatureHolds(this.settings.checkpointKey, checkpoint)) {
        return {
          ok: false,
          checked: 0,
          brokenAt: String(checkpoint.id),
          reason: `the checkpoint of ${checkpoint.at} has an invalid signature`,
        };
      }
      pending.set(checkpoint.id, [...(pending.get(checkpoint.id) ?? []), checkpoint]);
    }
    let prevHash = GENESIS_HASH;
    let expectedId = 1n;
    let checked = 0;
    let legacyRows = 0;
    let keyed: boolean | undefined;
    for (;;) {
      const batch = await this.repo.batchFrom(expectedId, VERIFY_BATCH);
      if (batch.length === 0) break;
      for (const row of batch) {
        if (BigInt(row.id) !== expectedId) {
          return { ok: false, checked, brokenAt: expectedId.toString(), reason: `row ${expectedId} is missing` };
        }
        if (row.prevHash !== prevHash) {
          return { ok: false, checked, brokenAt: row.id, reason: 'link to the previous row does not match' };
        }
        const keyedHash = chainHash(prevHash, row, this.settings.chainKey);
        if (keyed === undefined) keyed = keyedHash === row.hash || chainHash(prevHash, row) !== row.hash;
        else if (!keyed && row.action === KEYED_CHAIN_MARKER.action && row.resourceType === KEYED_CHAIN_MARKER.resourceType) keyed = true;
        if ((keyed ? keyedHash : chainHash(prevHash, row)) !== row.hash) {
          return { ok: false, checked, brokenAt: row.id, reason: 'content does not match its hash' };
        }
        for (const checkpoint of pending.get(row.id) ?? []) {
          if (checkpoint.hash !== row.hash) {
            return { ok: false, checked, brokenAt: row.id, reason: `the row differs from the checkpoint of ${checkpoint.at}` };
          }
        }
        pending.delete(row.id);
        if (!keyed) legacyRows += 1;
        prevHash = row.hash;
        expectedId += 1n;
        checked += 1;
      }
    }
    const beyond = [...pending.values()].flat().sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))[0];
    if (beyond) {
      return {
        ok: false,
        checked,
        brokenAt: expectedId.toString(),
        reason: `the chain ends before row ${beyond.id} of the checkpoint of ${beyond.at}`,
      };
    }
    return { ok: true, checked, ...(legacyRows > 0 ? { legacyRows } : {}), ...(checkpoints ? { checkpoints: checkpoints.length } : {}) };
  }
}
