import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent, AuditOutcome } from './audit-event.entity';
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

export interface AuditFilter {
  actorId?: string;
  resourceType?: string;
  resourceId?: string;
  action?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not hold. */
  brokenAt?: string;
  reason?: string;
}

// One writer at a time extends the chain; the lock lives only as long as the transaction.
const CHAIN_LOCK = 73_100_001;
const VERIFY_BATCH = 5_000;

const MAX_BATCH = 500;

interface Waiting {
  entry: AuditEntry;
  resolve: (row: AuditEvent) => void;
  reject: (error: unknown) => void;
}

/** Appends to and verifies the hash-chained audit log. */
@Injectable()
export class AuditService {
  private readonly waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends one event, linked to the previous one; resolves once it is committed. Events that
   * arrive while a write is under way are committed together in the next one (group commit), so
   * a lone event waits for nothing and a busy API takes the chain's lock once per batch.
   */
  record(entry: AuditEntry): Promise<AuditEvent> {
    return new Promise<AuditEvent>((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          const rows = await this.append(batch.map((w) => w.entry));
          batch.forEach((w, i) => w.resolve(rows[i]));
        } catch (error) {
          batch.forEach((w) => w.reject(error));
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** One transaction: the chain's lock, its last link, then every entry linked in order. */
  private append(entries: AuditEntry[]): Promise<AuditEvent[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      const [last] = await manager.query('SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1');
      let id = last ? BigInt(last.id) : 0n;
      let prevHash: string = last ? last.hash : GENESIS_HASH;
      const now = new Date();
      const rows = entries.map((entry) => {
        id += 1n;
        const row = manager.create(AuditEvent, {
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
        row.hash = chainHash(row.prevHash, row);
        prevHash = row.hash;
        return row;
      });
      await manager.insert(AuditEvent, rows as QueryDeepPartialEntity<AuditEvent>[]);
      return rows;
    });
  }

  /** A page of events, newest first. */
  async list(filter: AuditFilter): Promise<{ items: AuditEvent[]; total: number }> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (filter.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.resourceType) qb.andWhere('e.resource_type = :resourceType', { resourceType: filter.resourceType });
    if (filter.resourceId) qb.andWhere('e.resource_id = :resourceId', { resourceId: filter.resourceId });
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.outcome) qb.andWhere('e.outcome = :outcome', { outcome: filter.outcome });
    if (filter.from) qb.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.occurred_at < :to', { to: filter.to });
    const [items, total] = await qb.orderBy('e.id', 'DESC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  /** Walks the whole chain in id order and recomputes every hash. */
  async verify(): Promise<ChainVerification> {
    const repo = this.dataSource.getRepository(AuditEvent);
    let prevHash = GENESIS_HASH;
    let expectedId = 1n;
    let checked = 0;
    for (;;) {
      const batch = await repo
        .createQueryBuilder('e')
        .where('e.id >= :from', { from: expectedId.toString() })
        .orderBy('e.id', 'ASC')
        .take(VERIFY_BATCH)
        .getMany();
      if (batch.length === 0) return { ok: true, checked };
      for (const row of batch) {
        if (BigInt(row.id) !== expectedId) {
          return { ok: false, checked, brokenAt: expectedId.toString(), reason: `row ${expectedId} is missing` };
        }
        if (row.prevHash !== prevHash) {
          return { ok: false, checked, brokenAt: row.id, reason: 'link to the previous row does not match' };
        }
        if (chainHash(prevHash, row) !== row.hash) {
          return { ok: false, checked, brokenAt: row.id, reason: 'content does not match its hash' };
        }
        prevHash = row.hash;
        expectedId += 1n;
        checked += 1;
      }
    }
  }
}
