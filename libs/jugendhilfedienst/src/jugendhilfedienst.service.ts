import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  CaseAccessService,
  CaseContent,
  CaseGrant,
  CaseNeed,
  CaseService,
  futureBirthDateProblems,
  newPseudonym,
  PersonalData,
} from '@sro/cases';
import { DomainError, ErrorCode, FieldProblem, germanDate, Principal } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import { AssignmentsService } from '@sro/reference-data';
import {
  CaseFallteam,
  CaseSource,
  CaseStepState,
  ClassificationEntry,
  HelpPlanState,
  JhdZone,
  JugendhilfedienstCarryOver,
  JugendhilfedienstCaseState,
  ProtectionMeasure,
  RiskResult,
} from '@sro/workflows/contracts';
import { addDuration } from '@sro/workflows/shared/duration';
import {
  AcceptedStep,
  CaseReport,
  HelpPlanContent,
  HelpPlanRecord,
  ImmediateProtectionRecord,
  JugendhilfedienstCaseFile,
  JugendhilfedienstCaseRepository,
  JugendhilfedienstCaseSummary,
  RiskAssessmentRecord,
} from './jugendhilfedienst-case.repository';
import { CaseUpdateArg, JugendhilfedienstWorkflowClient } from './jugendhilfedienst-workflow.client';
import { AssessmentProfessional, DangerKind, HelpKind, Sex } from './jugendhilfedienst.types';
import { LegalHoldState, RetentionRepository } from './retention.repository';
import { ageGroup } from './statistics';

export interface Intake {
  socialSpaceId: string;
  source: CaseSource;
  /** The reporter stays unknown; then no reporter may be recorded. */
  anonymous?: boolean;
  reportedAt?: string;
  /** What was reported, in the reporter's words. */
  report: string;
  reporter?: { name: string; contact?: string };
  personal?: Partial<PersonalData>;
  will?: string;
}

export interface RiskAssessmentInput {
  professionals: AssessmentProfessional[];
  parentsInvolved: boolean;
  childInvolved: boolean;
  /** Why parents or child were not involved (required then). */
  involvementNote?: string;
  homeVisit: boolean;
  result: RiskResult;
  dangerKinds: DangerKind[];
  /** Which of the case's children (index into its birth dates) the assessment is about. */
  childIndex?: number;
  childSex: Sex;
  existingHelp: HelpKind[];
  newHelp: HelpKind[];
  familyCourt: boolean;
  details: string;
  expectedHelpDuration?: string;
}

export interface ImmediateProtectionInput {
  measure: ProtectionMeasure;
  /** When the measure was taken (default: now). */
  takenAt?: string;
  /** Why this measure; required unless the child was taken into care (§ 42). */
  reason?: string;
}

export interface HelpPlanInput {
  planDate: string;
  reviewAt?: string;
  helpKinds: HelpKind[];
  goals: string[];
  agreements: string;
  participants: string[];
}

export interface ReviewInput {
  reviewedAt: string;
  nextReviewAt?: string;
  notes: string;
}

/** A help plan version as the case shows it: its sealed content opened into it. */
export type HelpPlanView = Omit<HelpPlanRecord, 'content'> & Partial<HelpPlanContent>;

/** A Jugendhilfedienst case: the case file, the sealed records and the workflow's state. */
export interface JugendhilfedienstCaseView {
  id: string;
  pseudonym: string;
  socialSpaceId: string;
  source: CaseSource | null;
  anonymous: boolean;
  reportedAt: Date | null;
  report: CaseReport | null;
  personal: PersonalData;
  zone: JhdZone | null;
  /** Every classification, re-classifications while help runs included, oldest first. */
  classifications: ClassificationEntry[];
  phase: JugendhilfedienstCaseState['phase'];
  steps: CaseStepState[];
  definitionVersion: number;
  expectedHelpDuration: string | null;
  riskAssessments: RiskAssessmentRecord[];
  immediateProtections: ImmediateProtectionRecord[];
  fallteam: CaseFallteam | null;
  helpPlan: HelpPlanState | null;
  helpPlans: HelpPlanView[];
  closedAt: string | null;
  deletionDate: string | null;
  legalHold: boolean;
}

export interface JugendhilfedienstCaseList {
  items: JugendhilfedienstCaseSummary[];
  total: number;
  limit: number;
  offset: number;
}

/** A case file with a Jugendhilfedienst process. */
type ProcessCaseFile = JugendhilfedienstCaseFile & { workflowId: string };

const WHAT = 'Der Fall';
const EMPTY_PERSONAL: PersonalData = { familyName: '', givenNames: [], birthDates: [], address: '', familyMembers: [] };

/**
 * The standardised Jugendhilfedienst process on the case files: the flow runs in the
 * `jugendhilfedienst-case` workflow with ids, the pseudonym and codes; reports, assessments and help
 * plans are sealed here. No transaction stays open across a Temporal update: a step's record is
 * committed first (not yet `accepted`, so no list or statistic shows it), then the workflow takes the
 * step (the record's id names the update, so it is applied once), then the record is accepted; when
 * the workflow refuses, the record is removed, so a refused step stores nothing. When the answer is
 * lost, the record waits: the case view accepts it as soon as the workflow names it.
 */
@Injectable()
export class JugendhilfedienstService {
  constructor(
    private readonly caseFiles: JugendhilfedienstCaseRepository,
    private readonly retention: RetentionRepository,
    private readonly workflows: JugendhilfedienstWorkflowClient,
    private readonly definitions: DefinitionsService,
    private readonly cases: CaseService,
    private readonly assignments: AssignmentsService,
  ) {}

  /** Intake: a report comes in (anonymous reports allowed); the case's workflow starts. */
  async intake(user: Principal, input: Intake): Promise<JugendhilfedienstCaseView> {
    const scope = await this.assignments.of(user);
    const problems: FieldProblem[] = [];
    if (!scope.socialSpaceIds.includes(input.socialSpaceId))
      problems.push({ pointer: '/socialSpaceId', code: 'not-assigned', message: 'Bitte einen Ihrer Sozialräume auswählen.' });
    const anonymous = input.anonymous ?? input.source === 'anonymous';
    if (anonymous && input.reporter)
      problems.push({
        pointer: '/reporter',
        code: 'not-applicable',
        message: 'Eine anonyme Meldung nennt keine meldende Person; bitte leer lassen.',
      });
    if (input.source === 'anonymous' && !anonymous)
      problems.push({
        pointer: '/anonymous',
        code: 'equals',
        params: { value: true },
        message: 'Bei der Quelle „anonym“ ist die Meldung anonym.',
      });
    const reportedAt = input.reportedAt ? new Date(input.reportedAt) : new Date();
    if (reportedAt.getTime() > Date.now() + 60_000)
      problems.push({ pointer: '/reportedAt', code: 'date.future', message: 'Der Eingang der Meldung darf nicht in der Zukunft liegen.' });
    problems.push(...futureBirthDateProblems(input.personal?.birthDates ?? [], '/personal/birthDates'));
    if (problems.length > 0)
      throw DomainError.invalid('Die Meldung kann so nicht erfasst werden; bitte prüfen Sie die markierten Angaben.', problems);
    const definition = await this.definitions.published('jugendhilfedienst-case');
    const planningRegionId = await this.caseFiles.planningRegionOf(input.socialSpaceId);
    const id = randomUUID();
    const workflowId = this.workflows.workflowId(id);
    const content: CaseContent = { will: input.will ?? '', goals: [], resources: { person: [], surroundings: [], socialSpace: [] } };
    // The case file commits first, then the workflow starts (no transaction held across the Temporal
    // call); a start that did not happen takes the case file back, so no case stays without its process.
    const pseudonym = await this.caseFiles.insert({
      id,
      pseudonym: newPseudonym(),
      socialSpaceId: input.socialSpaceId,
      caseworkerId: user.sub,
      personal: { ...EMPTY_PERSONAL, ...input.personal },
      content,
      source: input.source,
      anonymous,
      report: { text: input.report, reporter: anonymous ? null : (input.reporter ?? null) },
      reportedAt: reportedAt.toISOString(),
      workflowId,
    });
    await this.workflows.start(
      {
        caseId: id,
        pseudonym,
        caseworkerId: user.sub,
        socialSpaceId: input.socialSpaceId,
        planningRegionId,
        source: input.source,
        anonymous,
        reportedAt: reportedAt.toISOString(),
        definition,
      },
      () => this.cases.removeUnstarted(id),
    );
    return this.get(user, id);
  }

  /** The caller's Jugendhilfedienst cases (assigned or in their social spaces), from the read model. */
  async list(user: Principal, page: { limit: number; offset: number; phase?: string }): Promise<JugendhilfedienstCaseList> {
    const scope = await this.assignments.of(user);
    const { items, total } = await this.caseFiles.list({ userId: user.sub, socialSpaceIds: scope.socialSpaceIds, ...page });
    // Others of the social space learn that the case exists and whom to ask, nothing more.
    const listed = items.map((c) =>
      c.access
        ? c
        : {
            ...c,
            zone: null,
            source: null,
            reportedAt: null,
            closedAt: null,
            deletionDate: null,
            phase: null,
            currentStep: null,
            currentDueAt: null,
          },
    );
    return { items: listed, total, limit: page.limit, offset: page.offset };
  }

  async get(user: Principal, id: string): Promise<JugendhilfedienstCaseView> {
    const file = await this.visible(user, id, 'read');
    const state = await this.state(file.workflowId);
    // Records whose request lost its answer after the workflow took the step: the workflow names them.
    await this.caseFiles.acceptNamedStepRecords(id, {
      assessmentId: state.riskAssessment?.assessmentId,
      protectionId: state.immediateProtection?.protectionId,
      helpPlanId: state.helpPlan?.helpPlanId,
    });
    return this.view(file, state);
  }

  /**
   * The case as its routes answer it: the case file the caller was let into, the workflow's state
   * and the accepted step records. A change answers with the state its update returned — the state
   * right after the change, without asking the workflow again; a step's record the workflow accepted
   * with it (`accepted`) is marked in the same round trip as the records are read.
   */
  private async view(
    { grant, ...file }: ProcessCaseFile & { grant: CaseGrant },
    state: JugendhilfedienstCaseState,
    accepted?: AcceptedStep,
  ): Promise<JugendhilfedienstCaseView> {
    const id = file.id;
    const { riskAssessments, immediateProtections, helpPlans: plans } = await this.caseFiles.stepRecords(id, accepted);
    return {
      id,
      pseudonym: file.pseudonym,
      socialSpaceId: file.socialSpaceId,
      source: file.source,
      anonymous: file.anonymousReport,
      reportedAt: file.reportedAt,
      // Who reported a § 8a concern is for the case team (and its substitutes) only.
      report: file.report && !CaseAccessService.isTeam(grant) ? { ...file.report, reporter: null } : file.report,
      personal: file.personal,
      zone: state.zone ?? null,
      classifications: state.classifications ?? [],
      phase: state.phase,
      steps: state.steps,
      definitionVersion: state.definition.version,
      expectedHelpDuration: state.expectedHelpDuration ?? null,
      riskAssessments,
      immediateProtections,
      fallteam: state.fallteam ?? null,
      helpPlan: state.helpPlan ?? null,
      helpPlans: plans.map(({ content, reviews, ...plan }) => ({ ...plan, ...content, reviews })),
      closedAt: state.closedAt ?? null,
      deletionDate: state.deletionDate ?? null,
      legalHold: file.legalHold,
    };
  }

  async classify(user: Principal, id: string, input: { zone: JhdZone; expectedHelpDuration?: string }): Promise<JugendhilfedienstCaseView> {
    const file = await this.visible(user, id);
    // The zone is written first; when the workflow refuses, the zone before is put back.
    const previous = await this.caseFiles.setZone(id, input.zone);
    const state = await this.update(
      file.workflowId,
      'classify',
      { ...input, actorId: user.sub },
      { undo: () => this.caseFiles.restoreZone(id, input.zone, previous) },
    );
    return this.view(file, state);
  }

  /** § 8a risk assessment: sealed details and anonymous statistics fields in one row, accepted by the workflow in the same transaction. */
  async recordRiskAssessment(user: Principal, id: string, input: RiskAssessmentInput): Promise<JugendhilfedienstCaseView> {
    const file = await this.visible(user, id);
    const problems: FieldProblem[] = [];
    if ((!input.parentsInvolved || !input.childInvolved) && !input.involvementNote?.trim()) {
      problems.push({
        pointer: '/involvementNote',
        code: 'required',
        message: 'Bitte begründen Sie, warum die Eltern oder das Kind nicht beteiligt wurden.',
      });
    }
    const endangered = input.result === 'acute' || input.result === 'latent';
    if (endangered && input.dangerKinds.length === 0)
      problems.push({
        pointer: '/dangerKinds',
        code: 'array.min',
        params: { min: 1, result: input.result },
        message: 'Bitte nennen Sie bei einer Gefährdung mindestens eine Art der Gefährdung.',
      });
    if (!endangered && input.dangerKinds.length > 0)
      problems.push({
        pointer: '/dangerKinds',
        code: 'not-applicable',
        params: { result: input.result },
        message: 'Ohne Gefährdung wird keine Art der Gefährdung angegeben; bitte leer lassen.',
      });
    const seen = new Set<string>();
    input.professionals.forEach((p, i) => {
      if (!p.userId) return;
      if (seen.has(p.userId))
        problems.push({ pointer: `/professionals/${i}/userId`, code: 'duplicate', message: 'Diese Fachkraft ist doppelt genannt.' });
      seen.add(p.userId);
    });
    const known = new Set(await this.caseFiles.activeProfessionalIds([...seen]));
    input.professionals.forEach((p, i) => {
      if (p.userId && !known.has(p.userId))
        problems.push({
          pointer: `/professionals/${i}/userId`,
          code: 'unknown-reference',
          message: 'Diese Person ist keine aktive Fachkraft; bitte wählen Sie eine aus der Liste.',
        });
    });
    const personal = file.personal;
    const childIndex = input.childIndex ?? 0;
    if (input.childIndex !== undefined && childIndex >= personal.birthDates.length)
      problems.push({
        pointer: '/childIndex',
        code: 'number.max',
        params: { max: personal.birthDates.length - 1 },
        message: `Der Fall nennt ${personal.birthDates.length === 1 ? 'ein Geburtsdatum' : `${personal.birthDates.length} Geburtsdaten`}; bitte wählen Sie eines davon.`,
      });
    if (problems.length > 0)
      throw DomainError.invalid(
        'Die Gefährdungseinschätzung kann so nicht erfasst werden; bitte prüfen Sie die markierten Angaben.',
        problems,
      );

    const assessmentId = randomUUID();
    const now = new Date();
    await this.caseFiles.insertRiskAssessment({
      id: assessmentId,
      caseId: id,
      socialSpaceId: file.socialSpaceId,
      professionals: input.professionals,
      parentsInvolved: input.parentsInvolved,
      childInvolved: input.childInvolved,
      involvementNote: input.involvementNote,
      homeVisit: input.homeVisit,
      details: input.details,
      result: input.result,
      completedAt: now.toISOString(),
      ageGroup: ageGroup(personal.birthDates[childIndex], now),
      sex: input.childSex,
      dangerKinds: input.dangerKinds,
      reportedBy: file.source ?? 'other',
      existingHelp: input.existingHelp,
      newHelp: input.newHelp,
      familyCourt: input.familyCourt,
      createdBy: user.sub,
    });
    const state = await this.update(
      file.workflowId,
      'recordRiskAssessment',
      {
        assessmentId,
        professionals: input.professionals.length,
        result: input.result,
        parentsInvolved: input.parentsInvolved,
        childInvolved: input.childInvolved,
        homeVisit: input.homeVisit,
        expectedHelpDuration: input.expectedHelpDuration,
        actorId: user.sub,
      },
      { updateId: assessmentId, undo: () => this.caseFiles.removeStepRecord('risk_assessment', assessmentId) },
    );
    return this.view(file, state, { table: 'risk_assessment', id: assessmentId, late: state.riskAssessment?.late ?? false });
  }

  /**
   * The immediate protection after an acute § 8a result: § 42 Inobhutnahme, or a reasoned
   * alternative such as calling the family court (§ 8a Abs. 2); the reason is sealed.
   */
  async recordImmediateProtection(user: Principal, id: string, input: ImmediateProtectionInput): Promise<JugendhilfedienstCaseView> {
    const file = await this.visible(user, id);
    if (input.measure !== 'protective_custody' && !input.reason?.trim())
      throw DomainError.invalid('Der Sofortschutz kann nicht erfasst werden.', [
        {
          pointer: '/reason',
          code: 'required',
          message: 'Bitte begründen Sie, warum statt einer Inobhutnahme (§ 42 SGB VIII) diese Maßnahme genügt.',
        },
      ]);
    const state = await this.state(file.workflowId);
    const protectionId = randomUUID();
    const takenAt = input.takenAt ? new Date(input.takenAt).toISOString() : new Date().toISOString();
    await this.caseFiles.insertImmediateProtection({
      id: protectionId,
      caseId: id,
      assessmentId: state.riskAssessment?.assessmentId ?? null,
      measure: input.measure,
      reason: input.reason?.trim() || null,
      takenAt,
      createdBy: user.sub,
    });
    const after = await this.update(
      file.workflowId,
      'recordImmediateProtection',
      { protectionId, measure: input.measure, takenAt, actorId: user.sub },
      { updateId: protectionId, undo: () => this.caseFiles.removeStepRecord('immediate_protection', protectionId) },
    );
    return this.view(file, after, { table: 'immediate_protection', id: protectionId, late: after.immediateProtection?.late ?? false });
  }

  /** A help plan (§ 36): its first review by default after the definition's interval. */
  async recordHelpPlan(user: Principal, id: string, input: HelpPlanInput): Promise<JugendhilfedienstCaseView> {
    const file = await this.visible(user, id);
    const reviewAt = input.reviewAt ?? dayAfter(input.planDate, await this.reviewInterval(file));
    if (reviewAt <= input.planDate)
      throw DomainError.invalid('Die Überprüfung liegt vor dem Hilfeplan.', [
        {
          pointer: '/reviewAt',
          code: 'date.min',
          params: { after: input.planDate },
          message: `Die Überprüfung muss nach dem Datum des Hilfeplans (${germanDate(input.planDate)}) liegen.`,
        },
      ]);
    const helpPlanId = randomUUID();
    await this.caseFiles.insertHelpPlan({
      id: helpPlanId,
      caseId: id,
      planDate: input.planDate,
      reviewAt,
      helpKinds: input.helpKinds,
      content: { goals: input.goals, agreements: input.agreements, participants: input.participants },
      createdBy: user.sub,
    });
    const after = await this.update(
      file.workflowId,
      'recordHelpPlan',
      { helpPlanId, planDate: input.planDate, reviewAt, actorId: user.sub },
      { updateId: helpPlanId, undo: () => this.caseFiles.removeStepRecord('help_plan', helpPlanId) },
    );
    return this.view(file, after, { table: 'help_plan', id: helpPlanId });
  }

  /** A review of the current help plan; the next one by default after the definition's interval. */
  async recordReview(user: Principal, id: string, input: ReviewInput): Promise<JugendhilfedienstCaseView> {
    const file = await this.visible(user, id);
    const state = await this.state(file.workflowId);
    if (!state.helpPlan)
      throw DomainError.conflict(
        'Der Fall hat noch keinen Hilfeplan, der überprüft werden könnte; bitte erfassen Sie zuerst den Hilfeplan.',
      );
    const nextReviewAt = input.nextReviewAt ?? dayAfter(input.reviewedAt, state.definition.spec.helpPlanReviewInterval);
    if (nextReviewAt <= input.reviewedAt)
      throw DomainError.invalid('Die nächste Überprüfung liegt vor dieser.', [
        {
          pointer: '/nextReviewAt',
          code: 'date.min',
          params: { after: input.reviewedAt },
          message: `Die nächste Überprüfung muss nach dem ${germanDate(input.reviewedAt)} liegen.`,
        },
      ]);
    const helpPlanId = state.helpPlan.helpPlanId;
    const reviewId = await this.caseFiles.insertHelpPlanReview({
      helpPlanId,
      reviewedAt: input.reviewedAt,
      nextReviewAt,
      notes: input.notes,
      createdBy: user.sub,
    });
    const after = await this.update(
      file.workflowId,
      'recordReview',
      { reviewedAt: input.reviewedAt, nextReviewAt, actorId: user.sub },
      { updateId: reviewId, undo: () => this.caseFiles.removeStepRecord('help_plan_review', reviewId) },
    );
    return this.view(file, after, { table: 'help_plan_review', id: reviewId });
  }

  /**
   * Asks the case's workflow to close the case; its activity stores the closing time and the deletion
   * date (closure + the definition's retention period). Access is checked by the caller
   * (CaseClosureService, which makes closure one ordered operation with the case file).
   */
  async closeWorkflow(user: Principal, id: string): Promise<void> {
    await this.update(this.workflows.workflowId(id), 'close', { actorId: user.sub });
  }

  /**
   * Gives a closed case a running process again: a new run under the case's workflow id that goes on
   * from the state the last run left in the read model (the help plan, classifications, assessments;
   * ids, codes and dates only). Idempotent: a run already going on (a retry after the case file's
   * write failed) is left as it is. Access is checked by the caller.
   */
  async restartProcess(user: Principal, file: { id: string; assignedCaseworkerIds: string[] }): Promise<void> {
    const caseFile = await this.caseFiles.find(file.id);
    if (!caseFile?.workflowId) throw DomainError.notFound(WHAT);
    const workflowId = caseFile.workflowId;
    const readModel = await this.caseFiles.processReadModel(file.id);
    if (readModel?.status === 'running') return;
    const carry = await this.carryOver(workflowId, readModel);
    // The run goes on under the definition version its case was pinned to.
    const definition = await this.definitions.pinnedVersion('jugendhilfedienst-case', carry.definitionVersion);
    try {
      await this.workflows.start({
        caseId: file.id,
        pseudonym: caseFile.pseudonym,
        caseworkerId: file.assignedCaseworkerIds[0],
        socialSpaceId: caseFile.socialSpaceId,
        planningRegionId: await this.caseFiles.planningRegionOf(caseFile.socialSpaceId),
        source: caseFile.source ?? 'other',
        anonymous: caseFile.anonymousReport,
        reportedAt: (caseFile.reportedAt ?? new Date()).toISOString(),
        definition,
        resume: { ...carry.state, reopenedBy: user.sub },
      });
    } catch (error) {
      // Started by an attempt whose case file write failed: the run is there, the reopening goes on.
      if (error instanceof DomainError && error.code === ErrorCode.Conflict) {
        const state = await this.state(workflowId).catch(() => undefined);
        if (state && state.phase !== 'closed') return;
      }
      throw error;
    }
  }

  /** The state a reopened case continues from: the read model's carry-over, else the ended run's last state while Temporal keeps it. */
  private async carryOver(
    workflowId: string,
    readModel: Awaited<ReturnType<JugendhilfedienstCaseRepository['processReadModel']>>,
  ): Promise<{ state: JugendhilfedienstCarryOver; definitionVersion: number }> {
    const stored = readModel?.summary.carryOver as Omit<JugendhilfedienstCarryOver, 'steps'> | undefined;
    if (readModel && stored) return { state: { ...stored, steps: readModel.steps }, definitionVersion: readModel.definitionVersion };
    // Closed before the read model kept the carry-over.
    const last = await this.state(workflowId).catch(() => undefined);
    if (!last || last.phase !== 'closed')
      throw new DomainError(
        ErrorCode.InvalidState,
        'Der Stand des beendeten Prozesses ist nicht mehr vorhanden; der Fall kann nicht wieder geöffnet werden. Bitte nehmen Sie ihn neu auf.',
      );
    const state: JugendhilfedienstCarryOver = {
      steps: last.steps,
      zone: last.zone,
      classifications: last.classifications,
      expectedHelpDuration: last.expectedHelpDuration,
      riskAssessment: last.riskAssessment,
      immediateProtection: last.immediateProtection,
      fallteam: last.fallteam,
      helpPlan: last.helpPlan,
      closedFromPhase: last.closedFromPhase,
      reopenings: last.reopenings,
      revision: last.revision,
      eventSequence: last.eventSequence,
    };
    return { state, definitionVersion: last.definition.version };
  }

  /** A legal hold keeps the case past its deletion date until it is lifted; setting and lifting it need a reason. */
  async setLegalHold(user: Principal, id: string, hold: boolean, reason: string): Promise<LegalHoldState> {
    // A hold matters most on a closed case: it is a change that applies there too.
    await this.cases.visible(user, id, 'keep');
    const state = await this.retention.setLegalHold(id, hold, user.sub, reason);
    if (!state) throw DomainError.notFound(WHAT);
    return state;
  }

  /** The case file if the caller may read or (by default) change it (the case file's access rule) and it has a Jugendhilfedienst process. */
  private async visible(user: Principal, id: string, need: CaseNeed = 'write'): Promise<ProcessCaseFile & { grant: CaseGrant }> {
    const { row, grant } = await this.cases.openRow(user, id, need);
    const file = this.caseFiles.fromRow(row);
    // A case file of the Fallteam alone has no Jugendhilfedienst process.
    if (!file.workflowId) throw DomainError.notFound(WHAT);
    return { ...file, workflowId: file.workflowId, grant };
  }

  /**
   * The pinned definition's interval between help plan reviews. The version comes from the read
   * model (one query; the version itself is read once per process) rather than from the workflow,
   * whose query costs a workflow task — a replay of its history when it has left the worker's cache.
   * Before the run's first write there is no read model yet, and the workflow is asked.
   */
  private async reviewInterval(file: ProcessCaseFile): Promise<string> {
    const version = await this.caseFiles.definitionVersionOf(file.id);
    const definition =
      version === undefined
        ? (await this.state(file.workflowId)).definition
        : await this.definitions.pinnedVersion('jugendhilfedienst-case', version);
    return definition.spec.helpPlanReviewInterval;
  }

  private state(workflowId: string): Promise<JugendhilfedienstCaseState> {
    return this.workflows.state(workflowId);
  }

  private async update<K extends Parameters<JugendhilfedienstWorkflowClient['update']>[1]>(
    workflowId: string,
    update: K,
    arg: CaseUpdateArg<K>,
    afterWrite?: { updateId?: string; undo: () => Promise<void> },
  ): Promise<JugendhilfedienstCaseState> {
    try {
      return await this.workflows.update(workflowId, update, arg, afterWrite);
    } catch (error) {
      // A closed case's workflow has ended and takes no updates: say so instead of "not found".
      if (!(error instanceof DomainError) || error.code === ErrorCode.NotFound) {
        const state = await this.state(workflowId).catch(() => undefined);
        if (state?.phase === 'closed') throw DomainError.conflict('Der Fall ist abgeschlossen; nichts wurde geändert.');
      }
      throw error;
    }
  }
}

/** The date an ISO duration after a date (`YYYY-MM-DD`). */
function dayAfter(date: string, duration: string): string {
  return addDuration(new Date(`${date}T00:00:00.000Z`), duration)
    .toISOString()
    .slice(0, 10);
}
