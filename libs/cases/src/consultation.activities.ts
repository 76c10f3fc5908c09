import { Injectable } from '@nestjs/common';
import { Activities } from '@sro/temporal';
import type { AdviserAccess } from '@sro/workflows/contracts';
import { ConsultationRepository } from './consultation.repository';

/** Writes the advisers' packet access windows the consultation workflow decides. */
@Injectable()
@Activities()
export class ConsultationActivities {
  constructor(private readonly consultations: ConsultationRepository) {}

  async openPacketAccess(input: { consultationId: string; access: AdviserAccess[] }): Promise<void> {
    await this.consultations.openAccess(input.consultationId, input.access);
  }

  /** Closes access at once (window over, or consultation cancelled). */
  async closePacketAccess(input: { consultationId: string; adviserIds: string[] }): Promise<void> {
    await this.consultations.closeAccess(input.consultationId, input.adviserIds);
  }
}
