import { Injectable } from '@nestjs/common';
import { DocumentRepository } from './document.repository';
import { DocumentStorage } from './document.storage';

/**
 * Removes the documents of anonymised cases: the stored object first, then its row, so a crash in
 * between leaves a row that the next call removes again (deleting a missing object is no error).
 */
@Injectable()
export class DocumentPurger {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly storage: DocumentStorage,
  ) {}

  /** Purges the documents of one anonymised case (or of all anonymised cases); answers how many went. */
  async purgeAnonymised(caseId?: string): Promise<number> {
    let removed = 0;
    for (;;) {
      const batch = await this.documents.ofAnonymisedCases(100, caseId);
      if (batch.length === 0) return removed;
      for (const document of batch) {
        await this.storage.delete(document.storageKey);
        await this.documents.delete(document.id);
        removed += 1;
      }
    }
  }
}
