import { Injectable } from '@nestjs/common';
import { CaseDetails, CaseFileService, CaseFileView, CaseService } from '@sro/cases';
import { DomainError, Principal } from '@sro/common';
import type { JugendhilfedienstCaseState } from '@sro/workflows/contracts';
import { JugendhilfedienstWorkflowClient } from './jugendhilfedienst-workflow.client';
import { JugendhilfedienstService } from './jugendhilfedienst.service';

/** The case file with the steps of its Jugendhilfedienst process, if it has one. */
export interface CaseFileWithProcess extends CaseFileView {
  jugendhilfedienst: {
    phase: JugendhilfedienstCaseState['phase'];
    steps: JugendhilfedienstCaseState['steps'];
    closedAt: string | null;
  } | null;
}

/**
 * The case file across both kinds of case: Fallteam cases close here, Jugendhilfedienst cases
 * through their process (which sets the deletion date); either way the reason is kept in the history.
 */
@Injectable()
export class CaseClosureService {
  constructor(
    private readonly cases: CaseService,
    private readonly caseFiles: CaseFileService,
    private readonly process: JugendhilfedienstService,
    private readonly workflows: JugendhilfedienstWorkflowClient,
  ) {}

  async read(user: Principal, id: string): Promise<CaseFileWithProcess> {
    const view = await this.caseFiles.read(user, id);
    if (view.kind !== 'jugendhilfedienst') return { ...view, jugendhilfedienst: null };
    const state = await this.workflows.state(this.workflows.workflowId(id));
    return { ...view, jugendhilfedienst: { phase: state.phase, steps: state.steps, closedAt: state.closedAt ?? null } };
  }

  /** Closes a case with a reason: a Fallteam case here, a Jugendhilfedienst case through its process. */
  async close(user: Principal, id: string, input: { reason: string; withHelp?: boolean }): Promise<CaseDetails> {
    // `keep`: a Jugendhilfedienst closure whose confirmation failed is completed on the (closed) case.
    const file = await this.cases.visibleCase(user, id, 'keep');
    if (!file.workflowId) return this.caseFiles.closeFallteamCase(user, id, input);
    await this.closeProcess(user, id, input.reason);
    return this.cases.get(user, id);
  }

  /**
   * Closes a Jugendhilfedienst case through its workflow as one ordered, idempotent operation (intent,
   * workflow, confirmation; see CaseFileService.closeThroughProcess); the history records who and why.
   */
  async closeProcess(user: Principal, id: string, reason: string | null): Promise<void> {
    const file = await this.cases.visibleCase(user, id, 'keep');
    if (!file.workflowId) throw DomainError.notFound('Der Fall');
    await this.caseFiles.closeThroughProcess(user, id, reason, () => this.process.closeWorkflow(user, id));
  }

  /**
   * Reopens a closed case with a reason within its retention period; a Jugendhilfedienst case gets a
   * running process again, continuing from the state its last run left.
   */
  reopen(user: Principal, id: string, reason: string): Promise<CaseDetails> {
    return this.caseFiles.reopen(user, id, reason, (file) => this.process.restartProcess(user, file));
  }
}
