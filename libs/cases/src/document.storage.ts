import { Injectable } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@sro/common';

/**
 * Where sealed documents are kept, by key (`<caseId>/<documentId>`). Implementations only move
 * bytes: they get and give the sealed form, never a document in the clear.
 */
export abstract class DocumentStorage {
  /** Stores the sealed bytes under the key (replacing nothing: keys are new ids). */
  abstract put(key: string, body: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<void>;
  /** The sealed bytes; NotFound when the key holds nothing. */
  abstract get(key: string): Promise<Readable>;
  /** Removes the object; nothing happens when it is gone already. */
  abstract delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/** Refuses keys that are not `<uuid>/<uuid>`, so no key can reach outside the store. */
export function checkedStorageKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error('Invalid document storage key');
  return key;
}

/** The default store: one file per document in a directory (DOCUMENT_DIR, `npm start`: `.data/documents`). */
@Injectable()
export class LocalDocumentStorage extends DocumentStorage {
  private readonly root: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
  }

  /** The file of a key (for tests and backups: the sealed form). */
  pathOf(key: string): string {
    return join(this.root, checkedStorageKey(key));
  }

  async put(key: string, body: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // Written aside and renamed: a crash never leaves a half document under its key.
    const partial = `${path}.partial`;
    try {
      await pipeline(Readable.from(body), createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      throw DomainError.notFound('Das Dokument');
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    await rm(path, { force: true });
    // The case's directory goes with its last document.
    await rmdir(dirname(path)).catch(() => undefined);
  }
}
