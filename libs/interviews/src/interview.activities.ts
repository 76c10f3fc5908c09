import { Injectable } from '@nestjs/common';
import { DefinitionsService, PinnedDefinition } from '@sro/definitions';
import { Activities } from '@sro/temporal';
import type { CyclePartner, InterviewSnapshot, OpenedCycle } from '@sro/workflows/contracts';
import { InterviewCycleRepository } from './interview-cycle.repository';
import { InterviewReportService } from './interview-report.service';
import { InterviewRepository } from './interview.repository';

/** The PostgreSQL side of the interview workflows; every write is idempotent. */
@Injectable()
@Activities()
export class InterviewActivities {
  constructor(
    private readonly cycles: InterviewCycleRepository,
    private readonly interviews: InterviewRepository,
    private readonly definitions: DefinitionsService,
    private readonly reports: InterviewReportService,
  ) {}

  /** Opens the cycle of a workflow run once (a retry finds the row) and pins the published definition. */
  openInterviewCycle(input: { workflowId: string; coordinatorId: string }): Promise<OpenedCycle> {
    return this.cycles.transaction(async (tx) => {
      await this.cycles.lockNumbers(tx);
      const opened = await this.cycles.findByWorkflowId(input.workflowId, tx);
      let cycle: { id: string; number: number };
      let definition: PinnedDefinition<'partner-interview-cycle'>;
      if (opened) {
        cycle = opened;
        definition = this.definitions.pin(
          await this.definitions.get('partner-interview-cycle', opened.definitionVersion),
        ) as PinnedDefinition<'partner-interview-cycle'>;
      } else {
        definition = await this.definitions.published('partner-interview-cycle');
        cycle = await this.cycles.insert(
          {
            workflowId: input.workflowId,
            definitionVersion: definition.version,
            questionnaire: definition.spec.questionnaire,
            coordinatorId: input.coordinatorId,
          },
          tx,
        );
      }
      return { cycleId: cycle.id, number: cycle.number, definition, partners: await this.cycles.activePartners(tx) };
    });
  }

  activeCyclePartners(_input: { cycleId: string }): Promise<CyclePartner[]> {
    return this.cycles.activePartners();
  }

  /** Upserts an interview; an older revision never overwrites a newer one; answers are written once. */
  recordInterview(s: InterviewSnapshot): Promise<void> {
    return this.interviews.record(s);
  }

  /** An interview workflow failed: its row shows it (the others go on). */
  recordInterviewFailure(input: { cycleId: string; partnerId: string; workflowId: string; message: string }): Promise<void> {
    return this.interviews.markFailed(input.cycleId, input.partnerId, input.message);
  }

  /** Completes the cycle and keeps its report as it stood at the end. */
  async closeInterviewCycle(input: { cycleId: string }): Promise<void> {
    await this.cycles.transaction(async (tx) => {
      await this.cycles.complete(input.cycleId, tx);
      await this.cycles.storeReport(input.cycleId, await this.reports.compute(input.cycleId, tx), tx);
    });
  }
}
