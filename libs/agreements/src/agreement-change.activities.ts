import { Injectable } from '@nestjs/common';
import { ProcessChangeActivities } from '@sro/processes';
import { Activities } from '@sro/temporal';
import type { AgreementChange } from '@sro/workflows/cooperation-agreement/contract';
import { AgreementRepository } from './agreement.repository';

/**
 * An agreement change's writes as one activity (the worker provides it): the agreement's rows, then
 * the history entry with the process read model and the reminder writes (`recordProcessChange`). The
 * workflow awaits one local activity per decision or edit instead of one per write; every write is
 * idempotent by revision, sequence or key.
 */
@Injectable()
@Activities()
export class AgreementChangeActivities {
  constructor(
    private readonly agreementRows: AgreementRepository,
    private readonly processChange: ProcessChangeActivities,
  ) {}

  async recordAgreementChange(change: AgreementChange): Promise<void> {
    await this.agreementRows.recordState(change.agreement);
    await this.processChange.recordProcessChange(change.process);
  }
}
