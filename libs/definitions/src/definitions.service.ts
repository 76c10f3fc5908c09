import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, FieldProblem } from '@sro/common';
import { specChecksum } from './checksum';
import { SEED_SPECS } from './seed-specs';
import { diffSpecs, SpecDiff } from './spec.diff';
import { DefinitionKey, DEFINITION_KEYS, isDefinitionKey, PinnedDefinition, SpecByKey } from './spec.types';
import { validateSpec } from './spec.validator';
import { WorkflowDefinition } from './workflow-definition.entity';

export interface KeySummary {
  key: DefinitionKey;
  publishedVersion: number | null;
  latestVersion: number;
  draftVersion: number | null;
  versions: number;
}

/** Versioned workflow definitions: drafts, validation, publication, retirement, diffs. */
@Injectable()
export class DefinitionsService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(WorkflowDefinition);
  }

  static assertKey(key: string): DefinitionKey {
    if (!isDefinitionKey(key)) throw DomainError.notFound(`Definition ${key}`);
    return key;
  }

  async summary(): Promise<KeySummary[]> {
    const rows: Array<{ key: DefinitionKey; published: number | null; latest: number; draft: number | null; versions: number }> = await this.dataSource.query(`
      SELECT key,
             max(version) FILTER (WHERE status = 'published') AS published,
             max(version) AS latest,
             max(version) FILTER (WHERE status = 'draft') AS draft,
             count(*)::int AS versions
        FROM workflow_definition GROUP BY key`);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return DEFINITION_KEYS.map((key) => {
      const row = byKey.get(key);
      return {
        key,
        publishedVersion: row?.published ?? null,
        latestVersion: row?.latest ?? 0,
        draftVersion: row?.draft ?? null,
        versions: row?.versions ?? 0,
      };
    });
  }

  versions(key: DefinitionKey): Promise<WorkflowDefinition[]> {
    return this.repo.find({
      where: { key },
      order: { version: 'DESC' },
      select: ['id', 'key', 'version', 'status', 'checksum', 'author', 'changeNote', 'createdAt', 'updatedAt', 'publishedAt', 'retiredAt'],
    });
  }

  async get(key: DefinitionKey, version: number): Promise<WorkflowDefinition> {
    const found = await this.repo.findOneBy({ key, version });
    if (!found) throw DomainError.notFound(`Version ${version} of definition ${key}`);
    return found;
  }

  /** The published version a new run pins. */
  async published<K extends DefinitionKey>(key: K): Promise<PinnedDefinition<K>> {
    const found = await this.repo.findOneBy({ key, status: 'published' });
    if (!found) throw new DomainError(ErrorCode.Conflict, `Definition ${key} has no published version; nothing can start`);
    return this.pin(found) as PinnedDefinition<K>;
  }

  pin(definition: WorkflowDefinition): PinnedDefinition {
    return { key: definition.key, version: definition.version, checksum: definition.checksum, spec: definition.spec as unknown as SpecByKey[DefinitionKey] };
  }

  validate(key: DefinitionKey, spec: unknown): FieldProblem[] {
    return validateSpec(key, spec);
  }

  /** A new draft, empty or a copy of a version; one open draft per key. */
  async createDraft(key: DefinitionKey, author: string, options: { fromVersion?: number; changeNote?: string }): Promise<WorkflowDefinition> {
    return this.dataSource.transaction(async (m) => {
      await this.lockKey(m, key);
      const draft = await m.findOneBy(WorkflowDefinition, { key, status: 'draft' });
      if (draft) throw DomainError.conflict(`Definition ${key} already has an open draft (version ${draft.version}); edit or publish it first`);
      const source = options.fromVersion !== undefined ? await m.findOneBy(WorkflowDefinition, { key, version: options.fromVersion }) : null;
      if (options.fromVersion !== undefined && !source) throw DomainError.notFound(`Version ${options.fromVersion} of definition ${key}`);
      const [{ next }] = await m.query('SELECT coalesce(max(version), 0) + 1 AS next FROM workflow_definition WHERE key = $1', [key]);
      const spec = source ? source.spec : {};
      return m.save(
        m.create(WorkflowDefinition, { key, version: next, status: 'draft', spec, checksum: specChecksum(spec), author, changeNote: options.changeNote ?? null }),
      );
    });
  }

  /** Replaces a draft's spec; an invalid spec is refused with every problem and nothing is saved. */
  async updateDraft(key: DefinitionKey, version: number, author: string, spec: unknown, changeNote?: string): Promise<WorkflowDefinition> {
    const problems = validateSpec(key, spec);
    if (problems.length > 0) throw DomainError.invalid(`The spec has ${problems.length} problem(s)`, problems.map((p) => ({ ...p, pointer: `/spec${p.pointer === '/' ? '' : p.pointer}` })));
    return this.dataSource.transaction(async (m) => {
      await this.lockKey(m, key);
      const draft = await this.requireDraft(m, key, version);
      draft.spec = spec as Record<string, unknown>;
      draft.checksum = specChecksum(spec);
      draft.author = author;
      draft.updatedAt = new Date();
      if (changeNote !== undefined) draft.changeNote = changeNote;
      return m.save(draft);
    });
  }

  /** Publishes a valid draft and retires the version published before it. */
  async publish(key: DefinitionKey, version: number, author: string): Promise<{ published: WorkflowDefinition; retired: number | null }> {
    return this.dataSource.transaction(async (m) => {
      await this.lockKey(m, key);
      const draft = await this.requireDraft(m, key, version);
      const problems = validateSpec(key, draft.spec);
      if (problems.length > 0) throw new DomainError(ErrorCode.Conflict, `Version ${version} does not validate and cannot be published`, problems);
      const previous = await m.findOneBy(WorkflowDefinition, { key, status: 'published' });
      const now = new Date();
      if (previous) await m.update(WorkflowDefinition, { id: previous.id }, { status: 'retired', retiredAt: now });
      await m.update(WorkflowDefinition, { id: draft.id }, { status: 'published', publishedAt: now, author });
      return { published: await m.findOneByOrFail(WorkflowDefinition, { id: draft.id }), retired: previous?.version ?? null };
    });
  }

  /** Retires a published version (new starts then fail until another is published) or discards a draft. */
  async retire(key: DefinitionKey, version: number): Promise<WorkflowDefinition> {
    return this.dataSource.transaction(async (m) => {
      await this.lockKey(m, key);
      const definition = await m.findOneBy(WorkflowDefinition, { key, version });
      if (!definition) throw DomainError.notFound(`Version ${version} of definition ${key}`);
      if (definition.status === 'retired') throw DomainError.conflict(`Version ${version} of ${key} is already retired`);
      await m.update(WorkflowDefinition, { id: definition.id }, { status: 'retired', retiredAt: new Date() });
      return m.findOneByOrFail(WorkflowDefinition, { id: definition.id });
    });
  }

  async diff(key: DefinitionKey, from: number, to: number): Promise<SpecDiff & { from: number; to: number }> {
    const [a, b] = await Promise.all([this.get(key, from), this.get(key, to)]);
    return { from, to, ...diffSpecs(a.spec, b.spec) };
  }

  /** Publishes the seeded version 1 of every key that has no version yet. */
  async ensureSeeded(author = 'system'): Promise<DefinitionKey[]> {
    const created: DefinitionKey[] = [];
    for (const key of DEFINITION_KEYS) {
      await this.dataSource.transaction(async (m) => {
        await this.lockKey(m, key);
        if (await m.existsBy(WorkflowDefinition, { key })) return;
        const spec = SEED_SPECS[key] as unknown as Record<string, unknown>;
        await m.save(
          m.create(WorkflowDefinition, {
            key,
            version: 1,
            status: 'published',
            spec,
            checksum: specChecksum(spec),
            author,
            changeNote: 'Version 1 aus den Quelldokumenten',
            publishedAt: new Date(),
          }),
        );
        created.push(key);
      });
    }
    return created;
  }

  private async requireDraft(m: EntityManager, key: DefinitionKey, version: number): Promise<WorkflowDefinition> {
    const definition = await m.findOneBy(WorkflowDefinition, { key, version });
    if (!definition) throw DomainError.notFound(`Version ${version} of definition ${key}`);
    if (definition.status !== 'draft') throw new DomainError(ErrorCode.InvalidState, `Version ${version} of ${key} is ${definition.status}; only drafts can change`);
    return definition;
  }

  private async lockKey(m: EntityManager, key: DefinitionKey): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`workflow_definition:${key}`]);
  }
}
