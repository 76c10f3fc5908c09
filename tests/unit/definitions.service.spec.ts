import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@sro/common';
import {
  DefinitionKey,
  DefinitionRepository,
  DefinitionsService,
  DefinitionStatus,
  NewDefinition,
  SEED_SPECS,
  specChecksum,
  WorkflowDefinition,
} from '@sro/definitions';

const KEY: DefinitionKey = 'sozialraum-development';
const valid = SEED_SPECS[KEY] as unknown as Record<string, unknown>;

/** The versions of every key in memory, behind the repository's methods. */
function setup(versions: Array<{ key?: DefinitionKey; version: number; status: DefinitionStatus; spec?: Record<string, unknown> }> = []) {
  const rows: WorkflowDefinition[] = versions.map((v) =>
    row({ key: v.key ?? KEY, version: v.version, status: v.status, spec: v.spec ?? valid }),
  );
  const tx = {} as EntityManager;
  const locked: DefinitionKey[] = [];
  const repository = {
    inKeyLock: jest.fn(async <T>(key: DefinitionKey, work: (tx: EntityManager) => Promise<T>) => {
      locked.push(key);
      return work(tx);
    }),
    counts: jest.fn(async () => []),
    find: jest.fn(async (key: DefinitionKey, version: number) => rows.find((r) => r.key === key && r.version === version) ?? null),
    findPublished: jest.fn(async (key: DefinitionKey) => rows.find((r) => r.key === key && r.status === 'published') ?? null),
    findDraft: jest.fn(async (key: DefinitionKey) => rows.find((r) => r.key === key && r.status === 'draft') ?? null),
    hasAny: jest.fn(async (key: DefinitionKey) => rows.some((r) => r.key === key)),
    nextVersion: jest.fn(async (key: DefinitionKey) => Math.max(0, ...rows.filter((r) => r.key === key).map((r) => r.version)) + 1),
    insert: jest.fn(async (definition: NewDefinition) => {
      const created = row(definition);
      rows.push(created);
      return created;
    }),
    saveDraft: jest.fn(async (draft: WorkflowDefinition) => draft),
    setStatus: jest.fn(async (id: string, change: { status: DefinitionStatus; at: Date; author?: string }) => {
      const target = rows.find((r) => r.id === id)!;
      target.status = change.status;
      if (change.status === 'published') Object.assign(target, { publishedAt: change.at, author: change.author });
      if (change.status === 'retired') target.retiredAt = change.at;
      return target;
    }),
  };
  const service = new DefinitionsService(repository as unknown as DefinitionRepository);
  const status = (version: number, key: DefinitionKey = KEY) => rows.find((r) => r.key === key && r.version === version)?.status;
  return { service, repository, rows, status, locked };
}

function row(fields: Partial<WorkflowDefinition> & Pick<WorkflowDefinition, 'key' | 'version' | 'status' | 'spec'>): WorkflowDefinition {
  return {
    id: `${fields.key}@${fields.version}`,
    checksum: specChecksum(fields.spec),
    author: 'system',
    changeNote: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    publishedAt: null,
    retiredAt: null,
    ...fields,
  };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('DefinitionsService', () => {
  describe('drafts', () => {
    it('creates an empty draft as the next version, under the key lock', async () => {
      const { service, locked } = setup([{ version: 1, status: 'published' }]);
      const draft = await service.createDraft(KEY, 'demo-admin', { changeNote: 'Phase 3 verlängert' });
      expect(draft).toMatchObject({
        key: KEY,
        version: 2,
        status: 'draft',
        spec: {},
        checksum: specChecksum({}),
        author: 'demo-admin',
        changeNote: 'Phase 3 verlängert',
      });
      expect(locked).toEqual([KEY]);
    });

    it('copies the spec of the version named', async () => {
      const { service } = setup([{ version: 1, status: 'published' }]);
      const draft = await service.createDraft(KEY, 'demo-admin', { fromVersion: 1 });
      expect(draft.spec).toEqual(valid);
      expect(draft.changeNote).toBeNull();
    });

    it('refuses a second open draft of a key', async () => {
      const { service, repository } = setup([
        { version: 1, status: 'published' },
        { version: 2, status: 'draft' },
      ]);
      const error = await refusal(service.createDraft(KEY, 'demo-admin', {}));
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.message).toContain('offenen Entwurf (Version 2)');
      expect(repository.insert).not.toHaveBeenCalled();
    });

    it('refuses to copy a version that does not exist', async () => {
      const { service } = setup([{ version: 1, status: 'published' }]);
      expect((await refusal(service.createDraft(KEY, 'demo-admin', { fromVersion: 7 }))).code).toBe(ErrorCode.NotFound);
    });

    it('refuses an invalid spec with every problem under /spec and saves nothing', async () => {
      const { service, repository } = setup([{ version: 1, status: 'draft', spec: {} }]);
      const error = await refusal(service.updateDraft(KEY, 1, 'demo-admin', { phases: 'none' }));
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.problems.length).toBeGreaterThan(0);
      expect(error.problems.every((p) => p.pointer.startsWith('/spec'))).toBe(true);
      expect(repository.saveDraft).not.toHaveBeenCalled();
    });

    it('replaces the spec of a draft with its checksum and author', async () => {
      const { service } = setup([{ version: 1, status: 'draft', spec: {} }]);
      const saved = await service.updateDraft(KEY, 1, 'demo-admin', valid, 'Neu');
      expect(saved).toMatchObject({ spec: valid, checksum: specChecksum(valid), author: 'demo-admin', changeNote: 'Neu' });
    });

    it('refuses to change a version that is no longer a draft', async () => {
      const { service, repository } = setup([{ version: 1, status: 'published' }]);
      const error = await refusal(service.updateDraft(KEY, 1, 'demo-admin', valid));
      expect(error.code).toBe(ErrorCode.InvalidState);
      expect(error.message).toBe(`Version 1 der Definition „${KEY}“ ist veröffentlicht; ändern lassen sich nur Entwürfe.`);
      expect(repository.saveDraft).not.toHaveBeenCalled();
    });
  });

  describe('publication', () => {
    it('publishes a valid draft and retires the version published before it', async () => {
      const { service, status } = setup([
        { version: 1, status: 'published' },
        { version: 2, status: 'draft' },
      ]);
      const outcome = await service.publish(KEY, 2, 'demo-admin');
      expect(outcome.retired).toBe(1);
      expect(outcome.published).toMatchObject({ version: 2, status: 'published', author: 'demo-admin', publishedAt: expect.any(Date) });
      expect([status(1), status(2)]).toEqual(['retired', 'published']);
    });

    it('publishes the first version of a key with nothing to retire', async () => {
      const { service } = setup([{ version: 1, status: 'draft' }]);
      await expect(service.publish(KEY, 1, 'demo-admin')).resolves.toMatchObject({ retired: null });
    });

    it('refuses to publish a draft that does not validate, naming its problems, and keeps the published version', async () => {
      const { service, status } = setup([
        { version: 1, status: 'published' },
        { version: 2, status: 'draft', spec: {} },
      ]);
      const error = await refusal(service.publish(KEY, 2, 'demo-admin'));
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.problems.length).toBeGreaterThan(0);
      expect([status(1), status(2)]).toEqual(['published', 'draft']);
    });

    it('refuses to publish a version that is not a draft', async () => {
      const { service } = setup([{ version: 1, status: 'retired' }]);
      expect((await refusal(service.publish(KEY, 1, 'demo-admin'))).code).toBe(ErrorCode.InvalidState);
    });

    it('refuses to start anything of a key without a published version', async () => {
      const { service } = setup([{ version: 1, status: 'draft' }]);
      const error = await refusal(service.published(KEY));
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.message).toMatch(/hat keine veröffentlichte Version; es kann nichts gestartet werden/);
    });

    it('pins the published version for a new run', async () => {
      const { service } = setup([{ version: 4, status: 'published' }]);
      await expect(service.published(KEY)).resolves.toEqual({ key: KEY, version: 4, checksum: specChecksum(valid), spec: valid });
    });
  });

  describe('retirement', () => {
    it('retires a published version', async () => {
      const { service } = setup([{ version: 1, status: 'published' }]);
      await expect(service.retire(KEY, 1)).resolves.toMatchObject({ status: 'retired', retiredAt: expect.any(Date) });
    });

    it('discards a draft by retiring it', async () => {
      const { service } = setup([{ version: 1, status: 'draft' }]);
      await expect(service.retire(KEY, 1)).resolves.toMatchObject({ status: 'retired' });
    });

    it('refuses to retire a version twice', async () => {
      const { service, repository } = setup([{ version: 1, status: 'retired' }]);
      expect((await refusal(service.retire(KEY, 1))).code).toBe(ErrorCode.Conflict);
      expect(repository.setStatus).not.toHaveBeenCalled();
    });

    it('answers not found for a version that does not exist', async () => {
      const { service } = setup();
      expect((await refusal(service.retire(KEY, 3))).code).toBe(ErrorCode.NotFound);
    });
  });

  describe('pinned versions', () => {
    it('reads a published or retired version once, a draft every time', async () => {
      const { service, repository } = setup([
        { version: 1, status: 'retired' },
        { version: 2, status: 'published' },
        { version: 3, status: 'draft' },
      ]);
      for (let i = 0; i < 3; i++) {
        expect((await service.pinnedVersion(KEY, 1)).version).toBe(1);
        expect((await service.pinnedVersion(KEY, 2)).spec).toEqual(valid);
        expect((await service.pinnedVersion(KEY, 3)).version).toBe(3);
      }
      const reads = (version: number) => repository.find.mock.calls.filter(([, v]) => v === version).length;
      expect([reads(1), reads(2), reads(3)]).toEqual([1, 1, 3]);
    });

    it('answers an unknown version as not found, and keeps nothing for it', async () => {
      const { service, repository } = setup([{ version: 1, status: 'published' }]);
      for (let i = 0; i < 2; i++) expect(await service.pinnedVersion(KEY, 9).catch((e: DomainError) => e.code)).toBe(ErrorCode.NotFound);
      expect(repository.find).toHaveBeenCalledTimes(2);
    });
  });

  describe('summary and seeding', () => {
    it('lists every known key, with zeros for keys without a version', async () => {
      const { service, repository } = setup();
      repository.counts.mockResolvedValueOnce([{ key: KEY, publishedVersion: 1, latestVersion: 2, draftVersion: 2, versions: 2 }] as never);
      const summary = await service.summary();
      expect(summary.find((s) => s.key === KEY)).toEqual({ key: KEY, publishedVersion: 1, latestVersion: 2, draftVersion: 2, versions: 2 });
      expect(
        summary.filter((s) => s.key !== KEY).every((s) => s.versions === 0 && s.publishedVersion === null && s.latestVersion === 0),
      ).toBe(true);
      expect(summary.length).toBe(Object.keys(SEED_SPECS).length);
    });

    it('publishes version 1 only of keys that have no version yet', async () => {
      const { service, rows } = setup([{ version: 5, status: 'published' }]);
      const created = await service.ensureSeeded();
      expect(created).not.toContain(KEY);
      expect(created.length).toBe(Object.keys(SEED_SPECS).length - 1);
      expect(rows.filter((r) => r.key !== KEY).every((r) => r.version === 1 && r.status === 'published' && r.author === 'system')).toBe(
        true,
      );
    });

    it('refuses an unknown key as not found', () => {
      expect(() => DefinitionsService.assertKey('no-such-process')).toThrow(expect.objectContaining({ code: ErrorCode.NotFound }));
    });
  });
});
