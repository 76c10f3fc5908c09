import type { DataConverter } from '@temporalio/common';
import type { KeyRing } from '@sro/config';
import { EncryptionCodec, EncryptionCodecOptions } from './encryption.codec';

/** The data converter client and worker share: JSON payloads, then encryption. */
export function createDataConverter(keyRing: KeyRing, options: EncryptionCodecOptions = {}): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keyRing, options)] };
}
