import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, openAesGcm, sealAesGcm } from '@sro/common';
import { AppConfig } from '@sro/config';

/** Field-level encryption of personal case data at rest: `keyId.base64(iv|ciphertext|tag)`. */
@Injectable()
export class FieldCipher {
  constructor(private readonly config: AppConfig) {}

  seal(value: unknown): string {
    const { activeKeyId, keys } = this.config.fieldKeys;
    return `${activeKeyId}.${sealAesGcm(keys.get(activeKeyId)!, activeKeyId, Buffer.from(JSON.stringify(value))).toString('base64')}`;
  }

  open<T>(sealed: string): T {
    const [keyId, data] = sealed.split('.');
    const key = this.config.fieldKeys.keys.get(keyId);
    if (!key) throw new DomainError(ErrorCode.Unavailable, `Field key ${keyId} is not configured`);
    return JSON.parse(openAesGcm(key, keyId, Buffer.from(data, 'base64')).toString('utf8')) as T;
  }
}
