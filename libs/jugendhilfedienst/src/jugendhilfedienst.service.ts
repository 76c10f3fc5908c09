import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CaseContent, CaseService, FieldCipher, newPseudonym, PersonalData } from '@sro/cases';
import { DomainError, ErrorCode, FieldProblem, Principal } from '@sro/common';
import { AppConfig } from '@sro/config';
import { DefinitionsService } from '@sro/definitions';
import { AssignmentsService } from '@sro/reference-data';
import { temporalCall } from '@sro/temporal';
import {
  CaseSource,
  JhdZone,
  JugendhilfedienstCaseInput,
  JugendhilfedienstCaseState,
  jugendhilfedienstStateQuery,
  jugendhilfedienstUpdates,
  RiskResult,
  workflowIds,
  WorkflowType,
} from '@sro/workflows/contracts';
import { addDuration } from '@sro/workflows/shared/duration';
import { AssessmentProfessional, DangerKind, HelpKind, Sex } from './jugendhilfedienst.types';
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

const WHAT = 'Case';
const EMPTY_PERSONAL: PersonalData = { familyName: '', givenNames: [], birthDates: [], address: '', familyMembers: [] };

/**
 * The standardised Jugendhilfedienst process on the case files: the flow runs in the
 * `jugendhilfedienst-case` workflow with ids, the pseudonym and codes; reports, assessments and help
 * plans are sealed here, in the same transaction in which the workflow accepts the step, so a
 * refused step stores nothing.
 */
@Injectable()
export class JugendhilfedienstService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly definitions: DefinitionsService,
    private readonly cases: CaseService,
    private readonly cipher: FieldCipher,
    private readonly assignments: AssignmentsService,
  ) {}

  /** Intake: a report comes in (anonymous reports allowed); the case's workflow starts. */
  async intake(user: Principal, input: Intake) {
    const scope = await this.assignments.of(user.sub);
    const problems: FieldProblem[] = [];
    if (!scope.socialSpaceIds.includes(input.socialSpaceId)) problems.push({ pointer: '/socialSpaceId', message: 'not one of your social spaces' });
    const anonymous = input.anonymous ?? input.source === 'anonymous';
    if (anonymous && input.reporter) problems.push({ pointer: '/reporter', message: 'an anonymous report has no reporter' });
    if (input.source === 'anonymous' && !anonymous) problems.push({ pointer: '/anonymous', message: 'the source anonymous means an anonymous report' });
    const reportedAt = input.reportedAt ? new Date(input.reportedAt) : new Date();
    if (reportedAt.getTime() > Date.now() + 60_000) problems.push({ pointer: '/reportedAt', message: 'must not be in the future' });
    if (problems.length > 0) throw DomainError.invalid('The intake cannot be recorded', problems);
    const definition = await this.definitions.published('jugendhilfedienst-case');
    const [{ planning_region_id: planningRegionId }] = await this.dataSource.query('SELECT planning_region_id FROM social_space WHERE id = $1', [input.socialSpaceId]);
    const id = randomUUID();
    const pseudonym = newPseudonym();
    const workflowId = workflowIds.jugendhilfedienstCase(id);
    const content: CaseContent = { will: input.will ?? '', goals: [], resources: { person: [], surroundings: [], socialSpace: [] } };
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO case_file (id, pseudonym, zone, social_space_id, assigned_caseworker_ids, personal_enc, content_enc, confided_enc, deletion_date, created_by,
           source, anonymous_report, report_enc, reported_at, workflow_id)
         VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, NULL, $8, $9, $10, $11, $12, $13)`,
        [
          id,
          pseudonym,
          input.socialSpaceId,
          [user.sub],
          this.cipher.seal({ ...EMPTY_PERSONAL, ...input.personal }),
          this.cipher.seal(content),
          this.cipher.seal([]),
          user.sub,
          input.source,
          anonymous,
          this.cipher.seal({ text: input.report, reporter: anonymous ? null : (input.reporter ?? null) }),
          reportedAt.toISOString(),
          workflowId,
        ],
      );
      const args: [JugendhilfedienstCaseInput] = [
        { caseId: id, pseudonym, caseworkerId: user.sub, socialSpaceId: input.socialSpaceId, planningRegionId, source: input.source, anonymous, reportedAt: reportedAt.toISOString(), definition },
      ];
      await temporalCall(this.temporal.workflow.start(WorkflowType.JugendhilfedienstCase, { taskQueue: this.config.temporal.taskQueue, workflowId, args }), WHAT);
    });
    return this.get(user, id);
  }

  /** The caller's Jugendhilfedienst cases (assigned or in their social spaces), from the read model. */
  async list(user: Principal, page: { limit: number; offset: number; phase?: string }) {
    const scope = await this.assignments.of(user.sub);
    const rows = await this.dataSource.query(
      `SELECT f.id, f.pseudonym, f.zone, f.social_space_id AS "socialSpaceId", f.source, f.reported_at AS "reportedAt", f.closed_at AS "closedAt",
              f.deletion_date AS "deletionDate", p.summary->>'phase' AS phase, p.current_step AS "currentStep", p.current_due_at AS "currentDueAt",
              count(*) OVER ()::int AS total
         FROM case_file f LEFT JOIN process_instance p ON p.id = f.id
        WHERE f.workflow_id IS NOT NULL AND f.anonymised_at IS NULL AND ($1 = ANY(f.assigned_caseworker_ids) OR f.social_space_id = ANY($2))
          AND ($5::text IS NULL OR p.summary->>'phase' = $5)
        ORDER BY p.current_due_at NULLS LAST, f.created_at DESC, f.id LIMIT $3 OFFSET $4`,
      [user.sub, scope.socialSpaceIds, page.limit, page.offset, page.phase ?? null],
    );
    return { items: rows.map(({ total: _total, ...r }: { total: number }) => r), total: rows[0]?.total ?? 0, limit: page.limit, offset: page.offset };
  }

  async get(user: Principal, id: string) {
    const row = await this.visible(user, id);
    const state = await this.state(row.workflow_id);
    const assessments = await this.dataSource.query('SELECT * FROM risk_assessment WHERE case_id = $1 ORDER BY completed_at', [id]);
    const plans = await this.dataSource.query('SELECT * FROM help_plan WHERE case_id = $1 ORDER BY version', [id]);
    const reviews = await this.dataSource.query('SELECT r.* FROM help_plan_review r JOIN help_plan p ON p.id = r.help_plan_id WHERE p.case_id = $1 ORDER BY r.reviewed_at, r.created_at', [id]);
    const report = row.report_enc ? this.cipher.open<{ text: string; reporter: unknown }>(row.report_enc) : null;
    return {
      id,
      pseudonym: row.pseudonym,
      socialSpaceId: row.social_space_id,
      source: row.source,
      anonymous: row.anonymous_report,
      reportedAt: row.reported_at,
      report,
      personal: this.cipher.open<PersonalData>(row.personal_enc),
      zone: state.zone ?? null,
      phase: state.phase,
      steps: state.steps,
      definitionVersion: state.definition.version,
      expectedHelpDuration: state.expectedHelpDuration ?? null,
      riskAssessments: assessments.map((a: Record<string, any>) => ({
        id: a.id,
        result: a.result,
        professionals: a.professionals_enc ? this.cipher.open(a.professionals_enc) : [],
        parentsInvolved: a.parents_involved,
        childInvolved: a.child_involved,
        involvementNote: a.involvement_enc ? this.cipher.open<string>(a.involvement_enc) : null,
        homeVisit: a.home_visit,
        dangerKinds: a.danger_kinds,
        existingHelp: a.existing_help,
        newHelp: a.new_help,
        familyCourt: a.family_court,
        details: a.details_enc ? this.cipher.open<string>(a.details_enc) : null,
        completedAt: a.completed_at,
        late: a.late,
      })),
      fallteam: state.fallteam ?? null,
      helpPlan: state.helpPlan ?? null,
      helpPlans: plans.map((p: Record<string, any>) => ({
        id: p.id,
        version: p.version,
        planDate: p.plan_date,
        reviewAt: p.review_at,
        helpKinds: p.help_kinds,
        ...(p.content_enc ? this.cipher.open<object>(p.content_enc) : {}),
        reviews: reviews
          .filter((r: Record<string, any>) => r.help_plan_id === p.id)
          .map((r: Record<string, any>) => ({ reviewedAt: r.reviewed_at, nextReviewAt: r.next_review_at, notes: r.notes_enc ? this.cipher.open<string>(r.notes_enc) : null })),
      })),
      closedAt: state.closedAt ?? null,
      deletionDate: state.deletionDate ?? null,
      legalHold: row.legal_hold,
    };
  }

  async classify(user: Principal, id: string, input: { zone: JhdZone; expectedHelpDuration?: string }) {
    const row = await this.visible(user, id);
    await this.dataSource.transaction(async (m) => {
      await m.query('UPDATE case_file SET zone = $2, updated_at = now() WHERE id = $1', [id, input.zone]);
      await this.update(row.workflow_id, jugendhilfedienstUpdates.classify, { ...input, actorId: user.sub });
    });
    return this.get(user, id);
  }

  /** § 8a risk assessment: sealed details and anonymous statistics fields in one row, accepted by the workflow in the same transaction. */
  async recordRiskAssessment(user: Principal, id: string, input: RiskAssessmentInput) {
    const row = await this.visible(user, id);
    const problems: FieldProblem[] = [];
    if ((!input.parentsInvolved || !input.childInvolved) && !input.involvementNote?.trim()) {
      problems.push({ pointer: '/involvementNote', message: 'say why the parents or the child were not involved' });
    }
    const endangered = input.result === 'acute' || input.result === 'latent';
    if (endangered && input.dangerKinds.length === 0) problems.push({ pointer: '/dangerKinds', message: `name the kind of danger for the result ${input.result}` });
    if (!endangered && input.dangerKinds.length > 0) problems.push({ pointer: '/dangerKinds', message: `no kind of danger for the result ${input.result}` });
    const seen = new Set<string>();
    input.professionals.forEach((p, i) => {
      if (!p.userId) return;
      if (seen.has(p.userId)) problems.push({ pointer: `/professionals/${i}/userId`, message: 'the same professional is named twice' });
      seen.add(p.userId);
    });
    const staff: Array<{ id: string }> = seen.size
      ? await this.dataSource.query(`SELECT id FROM app_user WHERE id = ANY($1) AND active AND roles && ARRAY['caseworker', 'coordinator', 'adviser']`, [[...seen]])
      : [];
    const known = new Set(staff.map((s) => s.id));
    input.professionals.forEach((p, i) => {
      if (p.userId && !known.has(p.userId)) problems.push({ pointer: `/professionals/${i}/userId`, message: 'not an active professional of the system' });
    });
    const personal = this.cipher.open<PersonalData>(row.personal_enc);
    const childIndex = input.childIndex ?? 0;
    if (input.childIndex !== undefined && childIndex >= personal.birthDates.length) problems.push({ pointer: '/childIndex', message: `the case records ${personal.birthDates.length} birth date(s)` });
    if (problems.length > 0) throw DomainError.invalid('The risk assessment cannot be recorded', problems);

    const assessmentId = randomUUID();
    const now = new Date();
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO risk_assessment (id, case_id, social_space_id, professional_count, professionals_enc, parents_involved, child_involved, involvement_enc, home_visit,
           details_enc, result, completed_at, age_group, sex, danger_kinds, reported_by, existing_help, new_help, family_court, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
        [
          assessmentId,
          id,
          row.social_space_id,
          input.professionals.length,
          this.cipher.seal(input.professionals),
          input.parentsInvolved,
          input.childInvolved,
          input.involvementNote ? this.cipher.seal(input.involvementNote) : null,
          input.homeVisit,
          this.cipher.seal(input.details),
          input.result,
          now.toISOString(),
          ageGroup(personal.birthDates[childIndex], now),
          input.childSex,
          input.dangerKinds,
          row.source ?? 'other',
          input.existingHelp,
          input.newHelp,
          input.familyCourt,
          user.sub,
        ],
      );
      const state = await this.update(row.workflow_id, jugendhilfedienstUpdates.recordRiskAssessment, {
        assessmentId,
        professionals: input.professionals.length,
        result: input.result,
        parentsInvolved: input.parentsInvolved,
        childInvolved: input.childInvolved,
        homeVisit: input.homeVisit,
        expectedHelpDuration: input.expectedHelpDuration,
        actorId: user.sub,
      });
      await m.query('UPDATE risk_assessment SET late = $2 WHERE id = $1', [assessmentId, state.riskAssessment?.late ?? false]);
    });
    return this.get(user, id);
  }

  /** A help plan (§ 36): its first review by default after the definition's interval. */
  async recordHelpPlan(user: Principal, id: string, input: HelpPlanInput) {
    const row = await this.visible(user, id);
    const state = await this.state(row.workflow_id);
    const reviewAt = input.reviewAt ?? dayAfter(input.planDate, state.definition.spec.helpPlanReviewInterval);
    if (reviewAt <= input.planDate) throw DomainError.invalid('The review lies before the plan', [{ pointer: '/reviewAt', message: 'must be after the plan date' }]);
    const helpPlanId = randomUUID();
    await this.dataSource.transaction(async (m: EntityManager) => {
      await m.query(
        `INSERT INTO help_plan (id, case_id, version, plan_date, review_at, help_kinds, content_enc, created_by)
         VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM help_plan WHERE case_id = $2), $3, $4, $5, $6, $7)`,
        [helpPlanId, id, input.planDate, reviewAt, input.helpKinds, this.cipher.seal({ goals: input.goals, agreements: input.agreements, participants: input.participants }), user.sub],
      );
      await this.update(row.workflow_id, jugendhilfedienstUpdates.recordHelpPlan, { helpPlanId, planDate: input.planDate, reviewAt, actorId: user.sub });
    });
    return this.get(user, id);
  }

  /** A review of the current help plan; the next one by default after the definition's interval. */
  async recordReview(user: Principal, id: string, input: ReviewInput) {
    const row = await this.visible(user, id);
    const state = await this.state(row.workflow_id);
    if (!state.helpPlan) throw DomainError.conflict('The case has no help plan to review');
    const nextReviewAt = input.nextReviewAt ?? dayAfter(input.reviewedAt, state.definition.spec.helpPlanReviewInterval);
    if (nextReviewAt <= input.reviewedAt) throw DomainError.invalid('The next review lies before this one', [{ pointer: '/nextReviewAt', message: 'must be after the review date' }]);
    await this.dataSource.transaction(async (m: EntityManager) => {
      await m.query(`INSERT INTO help_plan_review (help_plan_id, reviewed_at, next_review_at, notes_enc, created_by) VALUES ($1, $2, $3, $4, $5)`, [
        state.helpPlan!.helpPlanId,
        input.reviewedAt,
        nextReviewAt,
        this.cipher.seal(input.notes),
        user.sub,
      ]);
      await this.update(row.workflow_id, jugendhilfedienstUpdates.recordReview, { reviewedAt: input.reviewedAt, nextReviewAt, actorId: user.sub });
    });
    return this.get(user, id);
  }

  /** Closure: the workflow sets the deletion date (closure + the definition's retention period). */
  async close(user: Principal, id: string) {
    const row = await this.visible(user, id);
    await this.update(row.workflow_id, jugendhilfedienstUpdates.close, { actorId: user.sub });
    return this.get(user, id);
  }

  /** A legal hold keeps the case past its deletion date until it is lifted. */
  async setLegalHold(user: Principal, id: string, hold: boolean) {
    await this.cases.visible(user, id);
    const [row] = await this.dataSource.query(
      `WITH changed AS (
         UPDATE case_file SET legal_hold = $2, legal_hold_by = CASE WHEN $2 THEN $3 END, legal_hold_at = CASE WHEN $2 THEN now() END, updated_at = now()
          WHERE id = $1 RETURNING id, legal_hold, legal_hold_at, deletion_date)
       SELECT id, legal_hold AS "legalHold", legal_hold_at AS "legalHoldAt", to_char(deletion_date, 'YYYY-MM-DD') AS "deletionDate" FROM changed`,
      [id, hold, user.sub],
    );
    return row;
  }

  private async visible(user: Principal, id: string) {
    const row = (await this.cases.visible(user, id)) as Awaited<ReturnType<CaseService['visible']>> & {
      workflow_id: string;
      source: string | null;
      anonymous_report: boolean;
      reported_at: Date | null;
      report_enc: string | null;
    };
    // A case file of the Fallteam alone has no Jugendhilfedienst process.
    if (!row.workflow_id) throw DomainError.notFound(WHAT);
    return row;
  }

  private state(workflowId: string): Promise<JugendhilfedienstCaseState> {
    return temporalCall(this.temporal.workflow.getHandle(workflowId).query(jugendhilfedienstStateQuery), WHAT);
  }

  private async update<A>(workflowId: string, update: { name: string } & object, arg: A): Promise<JugendhilfedienstCaseState> {
    try {
      return await temporalCall(
        this.temporal.workflow.getHandle(workflowId).executeUpdate(update as typeof jugendhilfedienstUpdates.classify, { args: [arg as never] }),
        WHAT,
      );
    } catch (error) {
      // A closed case's workflow has ended and takes no updates: say so instead of "not found".
      if (!(error instanceof DomainError) || error.code === ErrorCode.NotFound) {
        const state = await this.state(workflowId).catch(() => undefined);
        if (state?.phase === 'closed') throw DomainError.conflict('The case is closed; nothing changed');
      }
      throw error;
    }
  }
}

/** The date an ISO duration after a date (`YYYY-MM-DD`). */
function dayAfter(date: string, duration: string): string {
  return addDuration(new Date(`${date}T00:00:00.000Z`), duration).toISOString().slice(0, 10);
}
