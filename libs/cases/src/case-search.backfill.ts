import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CaseSearchIndex } from './case-search.index';
import { CaseSearchRepository } from './case-search.repository';
import { PersonalData } from './case.types';
import { FieldCipher } from './field-cipher';

/** Advisory lock of the backfill, so one API replica indexes while the others serve. */
const BACKFILL_LOCK = 1_765_100_001;
const BATCH = 500;

/**
 * Indexes the cases the blind index does not know yet (those from before the index, or indexed with
 * another SEARCH_INDEX_KEY) when the API starts, in the background: the migration cannot do it,
 * since only the app holds the field keys. Until it is done such cases are missing from name searches.
 */
@Injectable()
export class CaseSearchBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger('CaseSearchBackfill');
  private running?: Promise<number>;

  constructor(
    private readonly repository: CaseSearchRepository,
    private readonly index: CaseSearchIndex,
    private readonly cipher: FieldCipher,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.run().catch((error: Error) => {
      this.logger.warn({ msg: 'search index backfill stopped', error: error.name });
      return 0;
    });
  }

  /** The start-up run (for tests that wait for it). */
  finished(): Promise<number> {
    return this.running ?? Promise.resolve(0);
  }

  /** Indexes every case not indexed with the current key; answers how many it indexed. */
  async run(): Promise<number> {
    let indexed = 0;
    await this.repository.exclusively(BACKFILL_LOCK, async () => {
      let after: string | undefined;
      for (;;) {
        const batch = await this.repository.unindexed(this.index.keyId, BATCH, after);
        if (batch.length === 0) break;
        for (const row of batch) {
          try {
            await this.index.index(
              row.id,
              this.cipher.open<PersonalData>(row.personalEnc, { table: 'case_file', column: 'personal_enc', rowId: row.id }),
            );
            indexed += 1;
          } catch (error) {
            // One case that cannot be opened (a retired field key) must not keep the others unindexed.
            this.logger.warn({ msg: 'case not indexed for search', caseId: row.id, error: (error as Error).name });
          }
        }
        after = batch[batch.length - 1].id;
      }
    });
    if (indexed > 0) this.logger.log({ msg: 'search index backfilled', cases: indexed });
    return indexed;
  }
}
