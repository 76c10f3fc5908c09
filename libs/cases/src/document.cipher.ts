import { Injectable } from '@nestjs/common';
import { Transform, TransformCallback } from 'node:stream';
import { DomainError, ErrorCode, openAesGcm, sealAesGcm } from '@sro/common';
import { AppConfig } from '@sro/config';

/** Plaintext bytes per sealed chunk: a download is opened and sent chunk by chunk. */
export const DOCUMENT_CHUNK_BYTES = 64 * 1024;
const MAGIC = Buffer.from('SRODOC1\n', 'latin1');
const FRAME_HEAD = 5;

/**
 * Documents sealed with the field keys (AES-256-GCM), in chunks so a download streams without
 * holding the file: `SRODOC1\n` then frames `final(1) | length(4) | iv | ciphertext | tag`. Each
 * chunk's additional data binds key id, document id, position and the final flag, so chunks cannot
 * be swapped between documents, reordered, cut off or extended unnoticed.
 */
@Injectable()
export class DocumentCipher {
  constructor(private readonly config: AppConfig) {}

  /** The key that seals new documents (stored with each document for rotation). */
  get activeKeyId(): string {
    return this.config.fieldKeys.activeKeyId;
  }

  /** The sealed form of a document, chunk by chunk. */
  *seal(documentId: string, data: Buffer): Generator<Buffer> {
    const keyId = this.activeKeyId;
    const key = this.keyOf(keyId);
    yield MAGIC;
    const count = Math.max(1, Math.ceil(data.length / DOCUMENT_CHUNK_BYTES));
    for (let i = 0; i < count; i += 1) {
      const final = i === count - 1;
      const sealed = sealAesGcm(
        key,
        aad(keyId, documentId, i, final),
        data.subarray(i * DOCUMENT_CHUNK_BYTES, (i + 1) * DOCUMENT_CHUNK_BYTES),
      );
      const head = Buffer.alloc(FRAME_HEAD);
      head.writeUInt8(final ? 1 : 0, 0);
      head.writeUInt32BE(sealed.length, 1);
      yield Buffer.concat([head, sealed]);
    }
  }

  /** A stream that turns the sealed form back into the document; it fails on any tampering or truncation. */
  opener(keyId: string, documentId: string): Transform {
    const key = this.keyOf(keyId);
    let pending = Buffer.alloc(0);
    let magicSeen = false;
    let index = 0;
    let finished = false;
    const tampered = () => new DocumentIntegrityError();
    return new Transform({
      transform(chunk: Buffer, _encoding, done: TransformCallback) {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        try {
          if (!magicSeen) {
            if (pending.length < MAGIC.length) return done();
            if (!pending.subarray(0, MAGIC.length).equals(MAGIC)) throw tampered();
            pending = pending.subarray(MAGIC.length);
            magicSeen = true;
          }
          while (pending.length >= FRAME_HEAD) {
            if (finished) throw tampered();
            const final = pending.readUInt8(0) === 1;
            const length = pending.readUInt32BE(1);
            if (length > DOCUMENT_CHUNK_BYTES + 64) throw tampered();
            if (pending.length < FRAME_HEAD + length) break;
            const plain = openAesGcm(key, aad(keyId, documentId, index, final), pending.subarray(FRAME_HEAD, FRAME_HEAD + length));
            pending = pending.subarray(FRAME_HEAD + length);
            index += 1;
            finished = final;
            this.push(plain);
          }
          done();
        } catch (error) {
          done(error instanceof DocumentIntegrityError ? error : tampered());
        }
      },
      flush(done: TransformCallback) {
        done(finished && pending.length === 0 ? undefined : tampered());
      },
    });
  }

  private keyOf(keyId: string): Buffer {
    const key = this.config.fieldKeys.keys.get(keyId);
    if (!key)
      throw new DomainError(
        ErrorCode.Unavailable,
        `Der Feldschlüssel ${keyId} ist nicht eingerichtet; bitte wenden Sie sich an den Betrieb.`,
      );
    return key;
  }
}

/** A stored document that does not open: changed, cut off or extended (a fault of the store, never of the client). */
export class DocumentIntegrityError extends Error {
  constructor() {
    super('A stored document failed its integrity check');
    this.name = 'DocumentIntegrityError';
  }
}

function aad(keyId: string, documentId: string, index: number, final: boolean): string {
  return `${keyId}|document|${documentId}|${index}|${final ? 'final' : 'more'}`;
}
