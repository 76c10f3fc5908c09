import { Injectable } from '@nestjs/common';
import { AuditService } from '@sro/audit';
import { DocumentPurger } from '@sro/cases';
import { Activities } from '@sro/temporal';
import { RetentionRepository } from './retention.repository';
import { RETENTION_ACTOR, RETENTION_PURPOSE } from './retention.types';

/**
 * Deletes or anonymises expired case data: sealed personal fields, the report, consents,
 * consultations and free texts go; pseudonym, codes and the anonymous statistics fields stay.
 */
@Injectable()
@Activities()
export class RetentionActivities {
  constructor(
    private readonly retention: RetentionRepository,
    private readonly audit: AuditService,
    private readonly documents: DocumentPurger,
  ) {}

  /** Ids of cases whose deletion date is `asOf` or earlier, not anonymised and not on hold; keyset paged by id. */
  async findExpiredCases(input: { asOf: string; limit: number; after?: string }): Promise<string[]> {
    return this.retention.findExpiredCaseIds(input);
  }

  /** Anonymises one case if it is still expired and not on hold (checked under a row lock); true when this call did it. */
  async anonymiseCase(input: { caseId: string; asOf: string }): Promise<boolean> {
    const outcome = await this.retention.anonymiseCase(input);
    if (outcome === 'kept') return false;
    // Stored documents are outside the transaction: removed after it, again on a retry, until none is left.
    await this.documents.purgeAnonymised(input.caseId);
    // Audited once: a retry after the anonymisation committed writes the missing event, never a second.
    if (!(await this.retention.anonymisationAudited(input.caseId))) {
      await this.audit.record({
        actorId: RETENTION_ACTOR,
        actorRoles: [],
        action: 'anonymise',
        resourceType: 'case',
        resourceId: input.caseId,
        purpose: RETENTION_PURPOSE,
        outcome: 'allowed',
        details: { asOf: input.asOf },
      });
    }
    return outcome === 'anonymised';
  }

  /** Expired cases kept because of a legal hold. */
  async countCasesOnHold(input: { asOf: string }): Promise<{ onHold: number }> {
    return { onHold: await this.retention.countOnHold(input.asOf) };
  }
}
