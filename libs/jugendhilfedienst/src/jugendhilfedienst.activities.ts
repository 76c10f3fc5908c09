import { Injectable } from '@nestjs/common';
import { DefinitionsService } from '@sro/definitions';
import { Activities } from '@sro/temporal';
import { PreparedConsultation, workflowIds } from '@sro/workflows/contracts';
import { JugendhilfedienstCaseRepository } from './jugendhilfedienst-case.repository';

/** The question a case brings to the Fallteam when help is expected to last long (sealed like any other). */
const FALLTEAM_QUESTION =
  'Die Hilfe wird voraussichtlich länger dauern: Welches Hilfesetting unter Nutzung sozialräumlicher Ressourcen empfiehlt das Fallteam?';

/** What the Jugendhilfedienst case workflow writes to PostgreSQL. */
@Injectable()
@Activities()
export class JugendhilfedienstActivities {
  constructor(
    private readonly caseFiles: JugendhilfedienstCaseRepository,
    private readonly definitions: DefinitionsService,
  ) {}

  /** The consultation row of the case's child workflow (idempotent by its id) and the Fallteam definition it pins. */
  async prepareFallteamConsultation(input: {
    consultationId: string;
    caseId: string;
    caseworkerId: string;
  }): Promise<PreparedConsultation> {
    const definition = await this.definitions.published('fallteam-consultation');
    await this.caseFiles.insertFallteamConsultation({
      id: input.consultationId,
      caseId: input.caseId,
      workflowId: workflowIds.fallteamConsultation(input.consultationId),
      questions: [FALLTEAM_QUESTION],
      requestedBy: input.caseworkerId,
    });
    return { consultationId: input.consultationId, definition };
  }

  /** Closure: the case file gets its closing time and deletion date. */
  async recordCaseClosure(input: { caseId: string; closedAt: string; deletionDate: string }): Promise<void> {
    await this.caseFiles.recordClosure(input);
  }
}
