import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent, AuditOutcome } from './audit-event.entity';

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

/** The chain's end: the last row's id and hash. */
export interface ChainLink {
  id: string;
  hash: string;
}

// One writer at a time extends the chain; the lock lives only as long as the transaction.
const CHAIN_LOCK = 73_100_001;

/** All SQL of `audit_event`. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction that holds the chain's lock. */
  withChainLock<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      return work(tx);
    });
  }

  /** The last row of the chain, or undefined when it is empty. */
  async lastLink(tx: EntityManager = this.dataSource.manager): Promise<ChainLink | undefined> {
    const [last] = (await tx.query('SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1')) as Array<{ id: string; hash: string }>;
    return last ? { id: String(last.id), hash: last.hash } : undefined;
  }

  /** The whole last row of the chain, or undefined when it is empty. */
  async lastRow(tx: EntityManager = this.dataSource.manager): Promise<AuditEvent | undefined> {
    return (await tx.getRepository(AuditEvent).createQueryBuilder('e').orderBy('e.id', 'DESC').limit(1).getOne()) ?? undefined;
  }

  create(tx: EntityManager, fields: Omit<AuditEvent, 'hash'>): AuditEvent {
    return tx.create(AuditEvent, fields);
  }

  async insert(tx: EntityManager, rows: AuditEvent[]): Promise<void> {
    await tx.insert(AuditEvent, rows as QueryDeepPartialEntity<AuditEvent>[]);
  }

  /** Rows from `fromId` on, in id order. */
  batchFrom(fromId: bigint, size: number): Promise<AuditEvent[]> {
    return this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.id >= :from', { from: fromId.toString() })
      .orderBy('e.id', 'ASC')
      .take(size)
      .getMany();
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

  /** Which database this chain lives in (checkpoints are kept per database). */
  async databaseName(): Promise<string> {
    const [{ name }] = (await this.dataSource.query('SELECT current_database() AS name')) as Array<{ name: string }>;
    return name;
  }
}
