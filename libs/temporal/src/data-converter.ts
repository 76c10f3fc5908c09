import type { DataConverter } from '@temporalio/common';
import type { AppConfig, KeyRing } from '@sro/config';
import { EncryptionCodec, EncryptionCodecOptions } from './encryption.codec';

/** The data converter client and worker share: JSON payloads, then encryption. */
export function createDataConverter(keyRing: KeyRing, options: EncryptionCodecOptions = {}): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keyRing, options)] };
}

/** The app's data converter: the payload keys, and in production no unencrypted payload accepted. */
export function appDataConverter(config: Pick<AppConfig, 'payloadKeys' | 'isProduction'>): DataConverter {
  return createDataConverter(config.payloadKeys, { refuseUnencrypted: config.isProduction });
}
