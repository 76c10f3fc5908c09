import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DefinitionKey } from './spec.types';
import { WorkflowDefinition } from './workflow-definition.entity';

/** How many versions a key has and which of them is published, latest and the open draft. */
export interface DefinitionCounts {
  key: DefinitionKey;
  publishedVersion: number | null;
  latestVersion: number;
  draftVersion: number | null;
  versions: number;
}

/** The fields a new version is stored with. */
export type NewDefinition = Pick<WorkflowDefinition, 'key' | 'version' | 'status' | 'spec' | 'checksum' | 'author' | 'changeNote'> & {
  publishedAt?: Date;
};

/** A version without its spec, as the version list shows it. */
export type DefinitionVersionSummary = Omit<WorkflowDefinition, 'spec'>;

/**
 * All SQL of `workflow_definition`. Writes of one key run inside {@link inKeyLock}, which hands
 * its transaction to the methods that take an `EntityManager`.
 */
@Injectable()
export class DefinitionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction that holds the key's advisory lock, so two writers of a key queue up. */
  inKeyLock<T>(key: DefinitionKey, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`workflow_definition:${key}`]);
      return work(tx);
    });
  }

  /** Version counts of every key that has at least one version. */
  async counts(): Promise<DefinitionCounts[]> {
    const rows: Array<{ key: DefinitionKey; published: number | null; latest: number; draft: number | null; versions: number }> = await this
      .dataSource.query(`
      SELECT key,
             max(version) FILTER (WHERE status = 'published') AS published,
             max(version) AS latest,
             max(version) FILTER (WHERE status = 'draft') AS draft,
             count(*)::int AS versions
        FROM workflow_definition GROUP BY key`);
    return rows.map((r) => ({
      key: r.key,
      publishedVersion: r.published,
      latestVersion: r.latest,
      draftVersion: r.draft,
      versions: r.versions,
    }));
  }

  /** Every version of a key, newest first, without the specs. */
  versions(key: DefinitionKey): Promise<DefinitionVersionSummary[]> {
    return this.dataSource.getRepository(WorkflowDefinition).find({
      where: { key },
      order: { version: 'DESC' },
      select: ['id', 'key', 'version', 'status', 'checksum', 'author', 'changeNote', 'createdAt', 'updatedAt', 'publishedAt', 'retiredAt'],
    });
  }

  find(key: DefinitionKey, version: number, tx?: EntityManager): Promise<WorkflowDefinition | null> {
    return this.manager(tx).findOneBy(WorkflowDefinition, { key, version });
  }

  findPublished(key: DefinitionKey, tx?: EntityManager): Promise<WorkflowDefinition | null> {
    return this.manager(tx).findOneBy(WorkflowDefinition, { key, status: 'published' });
  }

  findDraft(key: DefinitionKey, tx?: EntityManager): Promise<WorkflowDefinition | null> {
    return this.manager(tx).findOneBy(WorkflowDefinition, { key, status: 'draft' });
  }

  hasAny(key: DefinitionKey, tx?: EntityManager): Promise<boolean> {
    return this.manager(tx).existsBy(WorkflowDefinition, { key });
  }

  /** The number the next version of a key gets. */
  async nextVersion(key: DefinitionKey, tx?: EntityManager): Promise<number> {
    const [{ next }] = await this.manager(tx).query(
      'SELECT coalesce(max(version), 0) + 1 AS next FROM workflow_definition WHERE key = $1',
      [key],
    );
    return Number(next);
  }

  insert(definition: NewDefinition, tx?: EntityManager): Promise<WorkflowDefinition> {
    const m = this.manager(tx);
    return m.save(m.create(WorkflowDefinition, definition));
  }

  /** Stores a changed draft (spec, checksum, author, change note). */
  saveDraft(draft: WorkflowDefinition, tx?: EntityManager): Promise<WorkflowDefinition> {
    return this.manager(tx).save(draft);
  }

  /** Marks a version published (by `author`) or retired at `at`, and reads it back. */
  async setStatus(
    id: string,
    change: { status: 'published'; author: string; at: Date } | { status: 'retired'; at: Date },
    tx?: EntityManager,
  ): Promise<WorkflowDefinition> {
    const m = this.manager(tx);
    const fields =
      change.status === 'published'
        ? { status: change.status, publishedAt: change.at, author: change.author }
        : { status: change.status, retiredAt: change.at };
    await m.update(WorkflowDefinition, { id }, fields);
    return m.findOneByOrFail(WorkflowDefinition, { id });
  }

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}
