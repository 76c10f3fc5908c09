import { Injectable } from '@nestjs/common';
import { Activities } from '@sro/temporal';
import type { AgreementSnapshot } from '@sro/workflows/contracts';
import { AgreementRepository } from './agreement.repository';

/** Writes what the cooperation-agreement workflow decided to the agreement's rows; an older revision never overwrites a newer one. */
@Injectable()
@Activities()
export class AgreementActivities {
  constructor(private readonly agreements: AgreementRepository) {}

  recordAgreementState(s: AgreementSnapshot): Promise<void> {
    return this.agreements.recordState(s);
  }
}
