import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionEnd, transactionOpenedWith } from '@sro/database';
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
const CHAIN_END = `SELECT pg_advisory_xact_lock(${CHAIN_LOCK}); SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1`;

// TypeORM's insert builder cost more CPU per batch than the rest of the append (CPU profile, bench:tasks).
// `records`: the rows as a JSON array (a parameter, or a literal where the statement goes with the COMMIT).
const insertRows = (records: string) => `
  INSERT INTO audit_event (id, occurred_at, actor_id, actor_roles, action, resource_type, resource_id, purpose, outcome, request_id, details, prev_hash, hash)
  SELECT id, occurred_at, actor_id, actor_roles, action, resource_type, resource_id, purpose, outcome, request_id, details, prev_hash, hash
    FROM jsonb_to_recordset(${records}::jsonb) AS r(id bigint, occurred_at timestamptz, actor_id text, actor_roles text[], action text, resource_type text,
         resource_id text, purpose text, outcome text, request_id text, details jsonb, prev_hash text, hash text)`;
const INSERT_ROWS = insertRows('$1');

/** All SQL of `audit_event`. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction that holds the chain's lock, with the chain's end as it is once
   * the lock is granted. BEGIN, the lock and the read of the end are one round trip (each statement
   * of the batch takes its own snapshot, so the read sees every row committed before the lock was
   * granted): a busy API waits for this part of the chain's critical section once per batch. `end`
   * lets the rows go to the server with the COMMIT (see `insert`), so the lock is held for two round
   * trips, not three.
   */
  withChainEnd<T>(work: (last: ChainLink | undefined, tx: EntityManager, end: TransactionEnd) => Promise<T>): Promise<T> {
    return transactionOpenedWith(this.dataSource, CHAIN_END, async (rows, tx, end) => {
      const [last] = rows as Array<{ id: string; hash: string }>;
      return work(last ? { id: String(last.id), hash: last.hash } : undefined, tx, end);
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

  create(fields: Omit<AuditEvent, 'hash'>): AuditEvent {
    return Object.assign(new AuditEvent(), fields);
  }

  /**
   * The rows in one statement (one parameter, typed by the record definition); with `end` the
   * statement is sent with the transaction's COMMIT, the rows as an escaped literal.
   */
  async insert(tx: EntityManager, rows: AuditEvent[], end?: TransactionEnd): Promise<void> {
    const records = rows.map((r) => ({
      id: r.id,
      occurred_at: r.occurredAt.toISOString(),
      actor_id: r.actorId,
      actor_roles: r.actorRoles,
      action: r.action,
      resource_type: r.resourceType,
      resource_id: r.resourceId,
      purpose: r.purpose,
      outcome: r.outcome,
      request_id: r.requestId,
      details: r.details,
      prev_hash: r.prevHash,
      hash: r.hash,
    }));
    const json = JSON.stringify(records);
    if (end) end.commitWith((literal) => insertRows(literal(json)));
    else await tx.query(INSERT_ROWS, [json]);
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
