import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AppConfig } from '@sro/config';
import { EntityManager } from 'typeorm';
import { CaseSearchRepository } from './case-search.repository';
import { caseTokens, SearchableNames, SearchToken } from './case-search.tokens';
import type { WithNewCase } from './case.repository';

/** Bytes kept of each HMAC: 128 bits leave no collisions worth counting at any number of cases. */
const TOKEN_BYTES = 16;

/**
 * The blind index over case names: HMAC-SHA-256 (SEARCH_INDEX_KEY, apart from the field keys) of
 * the normalised tokens, so the database can match a search without holding or opening a name.
 * Call {@link index} wherever a case's sealed names are written (creation, edits).
 */
@Injectable()
export class CaseSearchIndex {
  /** Names the key that made the hashes, so a new key lets the backfill re-index. */
  readonly keyId: string;

  constructor(
    private readonly config: AppConfig,
    private readonly repository: CaseSearchRepository,
  ) {
    this.keyId = createHmac('sha256', config.searchIndexKey).update('sro-search-key-id').digest('hex').slice(0, 16);
  }

  /** The blind value of one token. */
  hash(token: SearchToken): Buffer {
    return createHmac('sha256', this.config.searchIndexKey).update(token).digest().subarray(0, TOKEN_BYTES);
  }

  /** The tokens of a new case, written in the statement of its row; the case row names {@link keyId} itself. */
  newCaseTokens(names: SearchableNames): WithNewCase {
    return this.repository.tokensOfNewCase(caseTokens(names).map((t) => this.hash(t)));
  }

  /** Replaces the case's tokens with those of its current names (in the caller's transaction when given). */
  async index(caseId: string, names: SearchableNames, manager?: EntityManager): Promise<void> {
    await this.repository.replaceTokens(
      caseId,
      caseTokens(names).map((t) => this.hash(t)),
      this.keyId,
      manager,
    );
  }
}
