import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, FieldProblem } from '@sro/common';
import { specChecksum } from './checksum';
import { DefinitionCounts, DefinitionRepository, DefinitionVersionSummary } from './definition.repository';
import { SEED_SPECS } from './seed-specs';
import { diffSpecs, SpecDiff } from './spec.diff';
import { DefinitionKey, DEFINITION_KEYS, isDefinitionKey, PinnedDefinition, SpecByKey } from './spec.types';
import { validateSpec } from './spec.validator';
import { DEFINITION_STATUS_LABELS, WorkflowDefinition } from './workflow-definition.entity';

export type KeySummary = DefinitionCounts;

/** Versioned workflow definitions: drafts, validation, publication, retirement, diffs. */
@Injectable()
export class DefinitionsService {
  /** Versions past their draft, as runs pin them: only drafts are ever edited, so these never change. */
  private readonly settled = new Map<string, PinnedDefinition>();

  constructor(private readonly repository: DefinitionRepository) {}

  static assertKey(key: string): DefinitionKey {
    if (!isDefinitionKey(key)) throw DomainError.notFound(`Die Definition „${key}“`);
    return key;
  }

  /** One entry per known key, also for keys without any version yet. */
  async summary(): Promise<KeySummary[]> {
    const byKey = new Map((await this.repository.counts()).map((c) => [c.key, c]));
    return DEFINITION_KEYS.map(
      (key) => byKey.get(key) ?? { key, publishedVersion: null, latestVersion: 0, draftVersion: null, versions: 0 },
    );
  }

  versions(key: DefinitionKey): Promise<DefinitionVersionSummary[]> {
    return this.repository.versions(key);
  }

  async get(key: DefinitionKey, version: number): Promise<WorkflowDefinition> {
    const found = await this.repository.find(key, version);
    if (!found) throw DomainError.notFound(`Version ${version} der Definition „${key}“`);
    return found;
  }

  /**
   * A version as the runs that pinned it hold it; a published or retired version is read once per
   * process (a draft every time, as it may still change).
   */
  async pinnedVersion<K extends DefinitionKey>(key: K, version: number): Promise<PinnedDefinition<K>> {
    const known = this.settled.get(`${key}@${version}`);
    if (known) return known as PinnedDefinition<K>;
    const found = await this.get(key, version);
    const pinned = this.pin(found) as PinnedDefinition<K>;
    if (found.status !== 'draft') this.settled.set(`${key}@${version}`, pinned);
    return pinned;
  }

  /** The published version a new run pins. */
  async published<K extends DefinitionKey>(key: K): Promise<PinnedDefinition<K>> {
    const found = await this.repository.findPublished(key);
    if (!found)
      throw new DomainError(
        ErrorCode.Conflict,
        `Die Definition „${key}“ hat keine veröffentlichte Version; es kann nichts gestartet werden. Bitte veröffentlichen Sie zuerst eine Version.`,
      );
    return this.pin(found) as PinnedDefinition<K>;
  }

  pin(definition: WorkflowDefinition): PinnedDefinition {
    return {
      key: definition.key,
      version: definition.version,
      checksum: definition.checksum,
      spec: definition.spec as unknown as SpecByKey[DefinitionKey],
    };
  }

  validate(key: DefinitionKey, spec: unknown): FieldProblem[] {
    return validateSpec(key, spec);
  }

  /** A new draft, empty or a copy of a version; one open draft per key. */
  async createDraft(
    key: DefinitionKey,
    author: string,
    options: { fromVersion?: number; changeNote?: string },
  ): Promise<WorkflowDefinition> {
    return this.repository.inKeyLock(key, async (tx) => {
      const draft = await this.repository.findDraft(key, tx);
      if (draft)
        throw DomainError.conflict(
          `Die Definition „${key}“ hat bereits einen offenen Entwurf (Version ${draft.version}); bitte bearbeiten oder veröffentlichen Sie zuerst diesen.`,
        );
      const source = options.fromVersion !== undefined ? await this.repository.find(key, options.fromVersion, tx) : null;
      if (options.fromVersion !== undefined && !source)
        throw DomainError.notFound(`Version ${options.fromVersion} der Definition „${key}“`);
      const version = await this.repository.nextVersion(key, tx);
      const spec = source ? source.spec : {};
      return this.repository.insert(
        { key, version, status: 'draft', spec, checksum: specChecksum(spec), author, changeNote: options.changeNote ?? null },
        tx,
      );
    });
  }

  /** Replaces a draft's spec; an invalid spec is refused with every problem and nothing is saved. */
  async updateDraft(key: DefinitionKey, version: number, author: string, spec: unknown, changeNote?: string): Promise<WorkflowDefinition> {
    const problems = validateSpec(key, spec);
    if (problems.length > 0)
      throw DomainError.invalid(
        problems.length === 1
          ? 'Die Spezifikation hat einen Fehler; nichts wurde gespeichert.'
          : `Die Spezifikation hat ${problems.length} Fehler; nichts wurde gespeichert.`,
        problems.map((p) => ({ ...p, pointer: `/spec${p.pointer === '/' ? '' : p.pointer}` })),
      );
    return this.repository.inKeyLock(key, async (tx) => {
      const draft = await this.requireDraft(tx, key, version);
      draft.spec = spec as Record<string, unknown>;
      draft.checksum = specChecksum(spec);
      draft.author = author;
      draft.updatedAt = new Date();
      if (changeNote !== undefined) draft.changeNote = changeNote;
      return this.repository.saveDraft(draft, tx);
    });
  }

  /** Publishes a valid draft and retires the version published before it. */
  async publish(key: DefinitionKey, version: number, author: string): Promise<{ published: WorkflowDefinition; retired: number | null }> {
    return this.repository.inKeyLock(key, async (tx) => {
      const draft = await this.requireDraft(tx, key, version);
      const problems = validateSpec(key, draft.spec);
      if (problems.length > 0)
        throw new DomainError(
          ErrorCode.Conflict,
          `Version ${version} ist fehlerhaft und kann nicht veröffentlicht werden; bitte beheben Sie die genannten Fehler.`,
          problems,
        );
      const previous = await this.repository.findPublished(key, tx);
      const now = new Date();
      if (previous) await this.repository.setStatus(previous.id, { status: 'retired', at: now }, tx);
      const published = await this.repository.setStatus(draft.id, { status: 'published', author, at: now }, tx);
      return { published, retired: previous?.version ?? null };
    });
  }

  /** Retires a published version (new starts then fail until another is published) or discards a draft. */
  async retire(key: DefinitionKey, version: number): Promise<WorkflowDefinition> {
    return this.repository.inKeyLock(key, async (tx) => {
      const definition = await this.repository.find(key, version, tx);
      if (!definition) throw DomainError.notFound(`Version ${version} der Definition „${key}“`);
      if (definition.status === 'retired')
        throw DomainError.conflict(`Version ${version} der Definition „${key}“ ist bereits außer Kraft; nichts wurde geändert.`);
      return this.repository.setStatus(definition.id, { status: 'retired', at: new Date() }, tx);
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
      await this.repository.inKeyLock(key, async (tx) => {
        if (await this.repository.hasAny(key, tx)) return;
        const spec = SEED_SPECS[key] as unknown as Record<string, unknown>;
        await this.repository.insert(
          {
            key,
            version: 1,
            status: 'published',
            spec,
            checksum: specChecksum(spec),
            author,
            changeNote: 'Version 1 aus den Quelldokumenten',
            publishedAt: new Date(),
          },
          tx,
        );
        created.push(key);
      });
    }
    return created;
  }

  private async requireDraft(tx: EntityManager, key: DefinitionKey, version: number): Promise<WorkflowDefinition> {
    const definition = await this.repository.find(key, version, tx);
    if (!definition) throw DomainError.notFound(`Version ${version} der Definition „${key}“`);
    if (definition.status !== 'draft')
      throw new DomainError(
        ErrorCode.InvalidState,
        `Version ${version} der Definition „${key}“ ist ${DEFINITION_STATUS_LABELS[definition.status]}; ändern lassen sich nur Entwürfe.`,
      );
    return definition;
  }
}
