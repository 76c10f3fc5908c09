import { METADATA_ENCODING_KEY, Payload, PayloadCodec, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { KeyRing } from '@sro/config';
import { openAesGcm, sealAesGcm } from '@sro/common';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : '');

/** How strict decoding is. */
export interface EncryptionCodecOptions {
  /**
   * Refuse payloads that arrive unencrypted (production): whoever can reach the Temporal frontend
   * could otherwise start or signal workflows with plaintext input the codec would pass through.
   */
  refuseUnencrypted?: boolean;
}

/**
 * Encrypts every payload with AES-256-GCM before it reaches the Temporal server, so workflow
 * histories and the Temporal UI never hold plaintext. The key id travels in the metadata: old
 * payloads stay readable after a new key becomes the active one.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(
    private readonly keyRing: KeyRing,
    private readonly options: EncryptionCodecOptions = {},
  ) {
    for (const [id, key] of keyRing.keys) {
      if (key.length !== 32) throw new Error(`payload key ${id} must be 32 bytes`);
    }
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.keyRing.activeKeyId;
    const key = this.keyRing.keys.get(keyId)!;
    return payloads.map((payload) => {
      const data = sealAesGcm(key, keyId, temporal.api.common.v1.Payload.encode(payload).finish());
      return {
        metadata: { [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(keyId) },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = text(payload.metadata?.[METADATA_ENCODING_KEY]);
      if (encoding !== ENCRYPTED_ENCODING) {
        if (this.options.refuseUnencrypted)
          throw new ValueError(
            `Unencrypted payload refused (encoding ${encoding || 'none'}): production accepts only ${ENCRYPTED_ENCODING}`,
          );
        return payload;
      }
      const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
      const key = this.keyRing.keys.get(keyId);
      if (!key) throw new ValueError(`No payload key with id ${keyId} is configured`);
      return temporal.api.common.v1.Payload.decode(openAesGcm(key, keyId, payload.data ?? new Uint8Array())) as Payload;
    });
  }
}
