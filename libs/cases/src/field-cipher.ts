import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, openField, SealContext, SealedValueError, sealField } from '@sro/common';
import { AppConfig } from '@sro/config';

/**
 * Field-level encryption of personal case data at rest: `v2:keyId.base64(iv|ciphertext|tag)`,
 * bound to table, column and row id, so a value moved to another row or column does not open.
 */
@Injectable()
export class FieldCipher {
  private readonly logger = new Logger('FieldCipher');

  constructor(private readonly config: AppConfig) {}

  /** Seals `value` (as JSON) for the row `at.rowId` of `at.table`, column `at.column`. */
  seal(value: unknown, at: SealContext): string {
    return sealField(this.config.fieldKeys, Buffer.from(JSON.stringify(value)), at);
  }

  /** Opens a value sealed for exactly this place; a value of another row or column is an integrity violation (500 problem). */
  open<T>(sealed: string, at: SealContext): T {
    try {
      return JSON.parse(openField(this.config.fieldKeys, sealed, at).toString('utf8')) as T;
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      if (error.failure === 'unknown-key') {
        throw new DomainError(
          ErrorCode.Unavailable,
          `Der Schlüssel ${error.keyId ?? '?'} für verschlüsselte Felder ist nicht konfiguriert.`,
        );
      }
      // Ids, table and column only: the log never holds the value.
      this.logger.error({ msg: 'sealed value refused', failure: error.failure, table: at.table, column: at.column, rowId: at.rowId });
      throw new DomainError(
        ErrorCode.IntegrityViolation,
        `Ein verschlüsselter Wert (${at.table}.${at.column}) gehört nicht zu diesem Datensatz und wurde nicht geöffnet; der Vorfall ist protokolliert.`,
      );
    }
  }
}
