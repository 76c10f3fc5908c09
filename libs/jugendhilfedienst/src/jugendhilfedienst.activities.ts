import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldCipher } from '@sro/cases';
import { DefinitionsService } from '@sro/definitions';
import { asActivity } from '@sro/reminders';
import { Activities } from '@sro/temporal';
import { PreparedConsultation, workflowIds } from '@sro/workflows/contracts';

/** The question a case brings to the Fallteam when help is expected to last long (sealed like any other). */
const FALLTEAM_QUESTION = 'Die Hilfe wird voraussichtlich länger dauern: Welches Hilfesetting unter Nutzung sozialräumlicher Ressourcen empfiehlt das Fallteam?';

/** What the Jugendhilfedienst case workflow writes to PostgreSQL. */
@Injectable()
@Activities()
export class JugendhilfedienstActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly definitions: DefinitionsService,
  ) {}

  /** The consultation row of the case's child workflow (idempotent by its id) and the Fallteam definition it pins. */
  async prepareFallteamConsultation(input: { consultationId: string; caseId: string; caseworkerId: string }): Promise<PreparedConsultation> {
    return asActivity(async () => {
      const definition = await this.definitions.published('fallteam-consultation');
      await this.dataSource.query(
        `INSERT INTO consultation (id, case_id, workflow_id, questions_enc, requested_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
        [input.consultationId, input.caseId, workflowIds.fallteamConsultation(input.consultationId), this.cipher.seal([FALLTEAM_QUESTION]), input.caseworkerId],
      );
      return { consultationId: input.consultationId, definition };
    });
  }

  /** Closure: the case file gets its closing time and deletion date. */
  async recordCaseClosure(input: { caseId: string; closedAt: string; deletionDate: string }): Promise<void> {
    await this.dataSource.query('UPDATE case_file SET closed_at = $2, deletion_date = $3, updated_at = now() WHERE id = $1', [input.caseId, input.closedAt, input.deletionDate]);
  }
}
