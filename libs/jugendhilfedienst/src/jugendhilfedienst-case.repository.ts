import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Literal, statementsInOneRoundTrip, withParsedDates } from '@sro/database';
import { CaseAccessKind, caseAccessSql, CaseContent, CaseRow, FieldCipher, insertWithFreePseudonym, PersonalData } from '@sro/cases';
import { CaseSource, CaseStepState, JhdZone, ProtectionMeasure, RiskResult } from '@sro/workflows/contracts';
import { AgeGroup, AssessmentProfessional, DangerKind, HelpKind, Sex } from './jugendhilfedienst.types';

/** What was reported at intake, sealed: the reporter is null for an anonymous report. */
/** The tables of a step's sealed record, written before the workflow accepts the step. */
export type StepRecordTable = 'risk_assessment' | 'immediate_protection' | 'help_plan' | 'help_plan_review';

/**
 * A step's record the workflow has accepted, with whether the step came late where that is kept
 * (the § 8a assessment and the immediate protection).
 */
export type AcceptedStep =
  | { table: 'risk_assessment' | 'immediate_protection'; id: string; late: boolean }
  | { table: 'help_plan' | 'help_plan_review'; id: string };

/** The statement that accepts a step's record (idempotent); the table is one of the fixed names above. */
function acceptStatement(step: AcceptedStep, literal: Literal): string {
  const lateness = 'late' in step ? `, late = ${step.late ? 'true' : 'false'}` : '';
  return `UPDATE ${step.table} SET accepted = true${lateness} WHERE id = ${literal(step.id)}`;
}

/** Per table: remove a refused record; accept one the workflow names. */
const REMOVE: Record<StepRecordTable, string> = {
  risk_assessment: 'DELETE FROM risk_assessment WHERE id = $1 AND NOT accepted',
  immediate_protection: 'DELETE FROM immediate_protection WHERE id = $1 AND NOT accepted',
  help_plan: 'DELETE FROM help_plan WHERE id = $1 AND NOT accepted',
  help_plan_review: 'DELETE FROM help_plan_review WHERE id = $1 AND NOT accepted',
};
const ACCEPT_NAMED = {
  risk_assessment: 'UPDATE risk_assessment SET accepted = true WHERE id = $1 AND case_id = $2 AND NOT accepted',
  immediate_protection: 'UPDATE immediate_protection SET accepted = true WHERE id = $1 AND case_id = $2 AND NOT accepted',
  help_plan: 'UPDATE help_plan SET accepted = true WHERE id = $1 AND case_id = $2 AND NOT accepted',
};

export interface CaseReport {
  text: string;
  reporter: { name: string; contact?: string } | null;
}

/** A case file as the Jugendhilfedienst process reads it, sealed fields opened. */
export interface JugendhilfedienstCaseFile {
  id: string;
  pseudonym: string;
  socialSpaceId: string;
  /** Null for a case file of the Fallteam alone (no Jugendhilfedienst process). */
  workflowId: string | null;
  source: CaseSource | null;
  anonymousReport: boolean;
  reportedAt: Date | null;
  legalHold: boolean;
  personal: PersonalData;
  report: CaseReport | null;
}

export interface NewJugendhilfedienstCase {
  id: string;
  pseudonym: string;
  socialSpaceId: string;
  caseworkerId: string;
  personal: PersonalData;
  content: CaseContent;
  source: CaseSource;
  anonymous: boolean;
  report: CaseReport;
  reportedAt: string;
  workflowId: string;
}

/** One line of the case list, from the case file and the process read model. */
export interface JugendhilfedienstCaseSummary {
  id: string;
  pseudonym: string;
  zone: string | null;
  socialSpaceId: string;
  source: CaseSource | null;
  reportedAt: Date | null;
  closedAt: Date | null;
  deletionDate: Date | null;
  phase: string | null;
  currentStep: string | null;
  currentDueAt: Date | null;
  /** How the caller reaches the case; null: listed only (same social space, not on the case team). */
  access: CaseAccessKind | null;
  responsibleCaseworkerId: string;
}

export interface NewRiskAssessment {
  id: string;
  caseId: string;
  socialSpaceId: string;
  professionals: AssessmentProfessional[];
  parentsInvolved: boolean;
  childInvolved: boolean;
  involvementNote?: string;
  homeVisit: boolean;
  details: string;
  result: RiskResult;
  completedAt: string;
  ageGroup: AgeGroup;
  sex: Sex;
  dangerKinds: DangerKind[];
  reportedBy: string;
  existingHelp: HelpKind[];
  newHelp: HelpKind[];
  familyCourt: boolean;
  createdBy: string;
}

/** A recorded § 8a assessment; sealed fields are null (or empty) once the case was anonymised. */
export interface RiskAssessmentRecord {
  id: string;
  result: RiskResult;
  professionals: AssessmentProfessional[];
  parentsInvolved: boolean;
  childInvolved: boolean;
  involvementNote: string | null;
  homeVisit: boolean;
  dangerKinds: DangerKind[];
  existingHelp: HelpKind[];
  newHelp: HelpKind[];
  familyCourt: boolean;
  details: string | null;
  completedAt: Date;
  late: boolean;
}

export interface NewImmediateProtection {
  id: string;
  caseId: string;
  assessmentId: string | null;
  measure: ProtectionMeasure;
  reason: string | null;
  takenAt: string;
  createdBy: string;
}

/** An immediate protection after an acute § 8a result; the reason is null once the case was anonymised (or none was given). */
export interface ImmediateProtectionRecord {
  id: string;
  assessmentId: string | null;
  measure: ProtectionMeasure;
  reason: string | null;
  takenAt: Date;
  late: boolean;
  createdBy: string;
  createdAt: Date;
}

/** The sealed part of a help plan. */
export interface HelpPlanContent {
  goals: string[];
  agreements: string;
  participants: string[];
}

export interface NewHelpPlan {
  id: string;
  caseId: string;
  planDate: string;
  reviewAt: string;
  helpKinds: HelpKind[];
  content: HelpPlanContent;
  createdBy: string;
}

export interface HelpPlanReviewRecord {
  reviewedAt: Date;
  nextReviewAt: Date;
  notes: string | null;
}

/** A help plan version with its reviews; the content is null once the case was anonymised. */
export interface HelpPlanRecord {
  id: string;
  version: number;
  planDate: Date;
  reviewAt: Date;
  helpKinds: HelpKind[];
  content: HelpPlanContent | null;
  reviews: HelpPlanReviewRecord[];
}

export interface NewHelpPlanReview {
  helpPlanId: string;
  reviewedAt: string;
  nextReviewAt: string;
  notes: string;
  createdBy: string;
}

interface CaseFileRow {
  id: string;
  pseudonym: string;
  social_space_id: string;
  workflow_id: string | null;
  source: CaseSource | null;
  anonymous_report: boolean;
  reported_at: Date | null;
  legal_hold: boolean;
  personal_enc: string | null;
  report_enc: string | null;
}

interface RiskAssessmentRow {
  id: string;
  result: RiskResult;
  professionals_enc: string | null;
  parents_involved: boolean;
  child_involved: boolean;
  involvement_enc: string | null;
  home_visit: boolean;
  danger_kinds: DangerKind[];
  existing_help: HelpKind[];
  new_help: HelpKind[];
  family_court: boolean;
  details_enc: string | null;
  completed_at: Date;
  late: boolean;
}

interface ImmediateProtectionRow {
  id: string;
  assessment_id: string | null;
  measure: ProtectionMeasure;
  reason_enc: string | null;
  taken_at: Date;
  late: boolean;
  created_by: string;
  created_at: Date;
}

/** A case's accepted step records, as its answers show them. */
export interface StepRecords {
  riskAssessments: RiskAssessmentRecord[];
  immediateProtections: ImmediateProtectionRecord[];
  helpPlans: HelpPlanRecord[];
}

/**
 * The step records of the case `caseRef` names (`$1`, or a literal in a batch of statements): the
 * rows of each table as a JSON array, in the order the case's answer lists them; dates as text
 * (read back by `withParsedDates`).
 */
const stepRecordsStatement = (caseRef: string) => `
  SELECT
    (SELECT coalesce(json_agg(to_jsonb(a) || jsonb_build_object('completed_at', a.completed_at::text) ORDER BY a.completed_at), '[]')
       FROM risk_assessment a WHERE a.case_id = ${caseRef} AND a.accepted) AS assessments,
    (SELECT coalesce(json_agg(to_jsonb(p) || jsonb_build_object('taken_at', p.taken_at::text, 'created_at', p.created_at::text)
                              ORDER BY p.created_at, p.id), '[]')
       FROM immediate_protection p WHERE p.case_id = ${caseRef} AND p.accepted) AS protections,
    (SELECT coalesce(json_agg(to_jsonb(h) || jsonb_build_object('plan_date', h.plan_date::text, 'review_at', h.review_at::text) ORDER BY h.version), '[]')
       FROM help_plan h WHERE h.case_id = ${caseRef} AND h.accepted) AS plans,
    (SELECT coalesce(json_agg(to_jsonb(r) || jsonb_build_object('reviewed_at', r.reviewed_at::text, 'next_review_at', r.next_review_at::text)
                              ORDER BY r.reviewed_at, r.created_at), '[]')
       FROM help_plan_review r JOIN help_plan h ON h.id = r.help_plan_id WHERE h.case_id = ${caseRef} AND r.accepted) AS reviews`;

interface HelpPlanRow {
  id: string;
  version: number;
  plan_date: Date;
  review_at: Date;
  help_kinds: HelpKind[];
  content_enc: string | null;
}

interface HelpPlanReviewRow {
  id: string;
  help_plan_id: string;
  reviewed_at: Date;
  next_review_at: Date;
  notes_enc: string | null;
}

const EMPTY_PERSONAL: PersonalData = { familyName: '', givenNames: [], birthDates: [], address: '', familyMembers: [] };

/**
 * The Jugendhilfedienst case files with their § 8a assessments, help plans and reviews: all SQL of
 * these tables; sealed fields are sealed and opened here, so callers see plain typed values.
 * Writes take an optional transaction from {@link transaction}.
 */

/** The access rule for the user in $1 on the case `c` (fixed SQL). */
const ACCESS_OF_P1_ON_C = caseAccessSql('$1', 'c');
@Injectable()
export class JugendhilfedienstCaseRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  /** Runs `work` in one database transaction; it commits when `work` resolves. */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async find(id: string): Promise<JugendhilfedienstCaseFile | undefined> {
    const [row]: CaseFileRow[] = await this.dataSource.query(
      `SELECT id, pseudonym, social_space_id, workflow_id, source, anonymous_report, reported_at, legal_hold, personal_enc, report_enc
         FROM case_file WHERE id = $1`,
      [id],
    );
    return row && this.fromRow(row);
  }

  /** A case file as this lib reads it, from a `case_file` row (as `CaseService.openRow` answers it, or `find`). */
  fromRow(row: CaseFileRow | CaseRow): JugendhilfedienstCaseFile {
    // The row carries the Jugendhilfedienst's columns too; the cases lib does not name them.
    const jhd = row as CaseFileRow;
    return {
      id: row.id,
      pseudonym: row.pseudonym,
      socialSpaceId: row.social_space_id,
      workflowId: row.workflow_id,
      source: jhd.source,
      anonymousReport: jhd.anonymous_report,
      reportedAt: jhd.reported_at,
      legalHold: row.legal_hold,
      personal: row.personal_enc
        ? this.cipher.open<PersonalData>(row.personal_enc, { table: 'case_file', column: 'personal_enc', rowId: row.id })
        : EMPTY_PERSONAL,
      report: jhd.report_enc
        ? this.cipher.open<CaseReport>(jhd.report_enc, { table: 'case_file', column: 'report_enc', rowId: row.id })
        : null,
    };
  }

  /** The definition version the case's process pinned, as its read model names it (none before the run's first write). */
  async definitionVersionOf(caseId: string): Promise<number | undefined> {
    const [row]: Array<{ definition_version: number }> = await this.dataSource.query(
      `SELECT definition_version FROM process_instance WHERE id = $1 AND definition_key = 'jugendhilfedienst-case'`,
      [caseId],
    );
    return row?.definition_version;
  }

  /** What the case's process left in the read model: its status, pinned definition version, steps and carry-over (summary). */
  async processReadModel(
    caseId: string,
  ): Promise<{ status: string; definitionVersion: number; steps: CaseStepState[]; summary: Record<string, unknown> } | undefined> {
    const [row]: Array<{ status: string; definition_version: number; steps: CaseStepState[]; summary: Record<string, unknown> }> =
      await this.dataSource.query(
        `SELECT status, definition_version, steps, summary FROM process_instance WHERE id = $1 AND definition_key = 'jugendhilfedienst-case'`,
        [caseId],
      );
    return row && { status: row.status, definitionVersion: row.definition_version, steps: row.steps, summary: row.summary };
  }

  /** The planning region a social space belongs to. */
  async planningRegionOf(socialSpaceId: string): Promise<string> {
    const [row]: Array<{ planningRegionId: string }> = await this.dataSource.query(
      'SELECT planning_region_id AS "planningRegionId" FROM social_space WHERE id = $1',
      [socialSpaceId],
    );
    return row.planningRegionId;
  }

  /** Which of the given user ids are active professionals (caseworkers, coordinators, advisers). */
  async activeProfessionalIds(userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM app_user WHERE id = ANY($1) AND active AND roles && ARRAY['caseworker', 'coordinator', 'adviser']`,
      [userIds],
    );
    return rows.map((r) => r.id);
  }

  /** Writes the case and its intake history entry; answers the pseudonym it was written with (a taken one is drawn again). */
  async insert(c: NewJugendhilfedienstCase): Promise<string> {
    const sealed = {
      personal: this.cipher.seal(c.personal, { table: 'case_file', column: 'personal_enc', rowId: c.id }),
      content: this.cipher.seal(c.content, { table: 'case_file', column: 'content_enc', rowId: c.id }),
      confided: this.cipher.seal([], { table: 'case_file', column: 'confided_enc', rowId: c.id }),
      report: this.cipher.seal(c.report, { table: 'case_file', column: 'report_enc', rowId: c.id }),
    };
    const written = await insertWithFreePseudonym(c.pseudonym, async (pseudonym) => {
      const [row]: Array<{ id: string }> = await this.dataSource.query(
        // The intake is the first entry of the case's history.
        `WITH f AS (
           INSERT INTO case_file (id, pseudonym, zone, social_space_id, assigned_caseworker_ids, personal_enc, content_enc, confided_enc, deletion_date, created_by,
             source, anonymous_report, report_enc, reported_at, workflow_id)
           VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, NULL, $8, $9, $10, $11, $12, $13) ON CONFLICT (pseudonym) DO NOTHING RETURNING id, version, created_by),
         h AS (INSERT INTO case_history (case_id, version, action, actor_id) SELECT id, version, 'create', created_by FROM f)
         SELECT id FROM f`,
        [
          c.id,
          pseudonym,
          c.socialSpaceId,
          [c.caseworkerId],
          sealed.personal,
          sealed.content,
          sealed.confided,
          c.caseworkerId,
          c.source,
          c.anonymous,
          sealed.report,
          c.reportedAt,
          c.workflowId,
        ],
      );
      return row;
    });
    return written.pseudonym;
  }

  /**
   * The caller's cases: assigned to them or in their social spaces, not anonymised, with a
   * Jugendhilfedienst process; the most urgent first.
   */
  async list(filter: {
    userId: string;
    socialSpaceIds: string[];
    limit: number;
    offset: number;
    phase?: string;
  }): Promise<{ items: JugendhilfedienstCaseSummary[]; total: number }> {
    const rows: Array<JugendhilfedienstCaseSummary & { total: number }> = await this.dataSource.query(
      `SELECT f.id, f.pseudonym, f.zone, f.social_space_id AS "socialSpaceId", f.source, f.reported_at AS "reportedAt", f.closed_at AS "closedAt",
              f.deletion_date AS "deletionDate", p.summary->>'phase' AS phase, p.current_step AS "currentStep", p.current_due_at AS "currentDueAt",
              f.access, f.assigned_caseworker_ids[1] AS "responsibleCaseworkerId", count(*) OVER ()::int AS total
         FROM (SELECT c.*, ${ACCESS_OF_P1_ON_C} AS access FROM case_file c) f LEFT JOIN process_instance p ON p.id = f.id
        WHERE f.workflow_id IS NOT NULL AND f.anonymised_at IS NULL AND (f.access IS NOT NULL OR f.social_space_id = ANY($2))
          AND ($5::text IS NULL OR p.summary->>'phase' = $5)
        ORDER BY p.current_due_at NULLS LAST, f.created_at DESC, f.id LIMIT $3 OFFSET $4`,
      [filter.userId, filter.socialSpaceIds, filter.limit, filter.offset, filter.phase ?? null],
    );
    return { items: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  /** Sets the zone; answers the zone before. */
  async setZone(id: string, zone: JhdZone): Promise<JhdZone | null> {
    const [rows] = await this.dataSource.query(
      `UPDATE case_file c SET zone = $2, updated_at = now() FROM (SELECT id, zone FROM case_file WHERE id = $1 FOR UPDATE) before
        WHERE c.id = before.id RETURNING before.zone`,
      [id, zone],
    );
    return (rows?.[0]?.zone as JhdZone | undefined) ?? null;
  }

  /** Puts the zone before back, unless another request has changed it since. */
  async restoreZone(id: string, written: JhdZone, previous: JhdZone | null): Promise<void> {
    await this.dataSource.query('UPDATE case_file SET zone = $3, updated_at = now() WHERE id = $1 AND zone = $2', [id, written, previous]);
  }

  /** Closure: the case file gets its closing time and deletion date. */
  async recordClosure(input: { caseId: string; closedAt: string; deletionDate: string }): Promise<void> {
    await this.dataSource.query('UPDATE case_file SET closed_at = $2, deletion_date = $3, updated_at = now() WHERE id = $1', [
      input.caseId,
      input.closedAt,
      input.deletionDate,
    ]);
  }

  /**
   * The accepted step records of a case — § 8a assessments, immediate protections, help plans with
   * their reviews — in one query (one round trip instead of four on every answer of a case). Each
   * table's rows come as JSON with their dates in PostgreSQL's text form, read by the driver's own
   * parsers, so they are the same values as a plain SELECT gives. With `accepting`, the record the
   * workflow has just accepted is marked first, in the same round trip (`statementsInOneRoundTrip`:
   * the read is a statement of its own, so it sees the mark).
   */
  async stepRecords(caseId: string, accepting?: AcceptedStep): Promise<StepRecords> {
    type Row = {
      assessments: RiskAssessmentRow[];
      protections: ImmediateProtectionRow[];
      plans: HelpPlanRow[];
      reviews: HelpPlanReviewRow[];
    };
    const [row] = (
      accepting === undefined
        ? await this.dataSource.query(stepRecordsStatement('$1'), [caseId])
        : (
            await statementsInOneRoundTrip(this.dataSource, (literal) => [
              acceptStatement(accepting, literal),
              stepRecordsStatement(literal(caseId)),
            ])
          )[1]
    ) as Row[];
    return {
      riskAssessments: row.assessments.map((a) => this.riskAssessment(withParsedDates(a, ['completed_at']))),
      immediateProtections: row.protections.map((p) => this.immediateProtection(withParsedDates(p, ['taken_at', 'created_at']))),
      helpPlans: this.helpPlans(
        row.plans.map((p) => withParsedDates(p, [], ['plan_date', 'review_at'])),
        row.reviews.map((r) => withParsedDates(r, [], ['reviewed_at', 'next_review_at'])),
      ),
    };
  }

  /** One assessment as its answer shows it (sealed fields opened). */
  private riskAssessment(a: RiskAssessmentRow): RiskAssessmentRecord {
    return {
      id: a.id,
      result: a.result,
      professionals: a.professionals_enc
        ? this.cipher.open<AssessmentProfessional[]>(a.professionals_enc, {
            table: 'risk_assessment',
            column: 'professionals_enc',
            rowId: a.id,
          })
        : [],
      parentsInvolved: a.parents_involved,
      childInvolved: a.child_involved,
      involvementNote: a.involvement_enc
        ? this.cipher.open<string>(a.involvement_enc, { table: 'risk_assessment', column: 'involvement_enc', rowId: a.id })
        : null,
      homeVisit: a.home_visit,
      dangerKinds: a.danger_kinds,
      existingHelp: a.existing_help,
      newHelp: a.new_help,
      familyCourt: a.family_court,
      details: a.details_enc
        ? this.cipher.open<string>(a.details_enc, { table: 'risk_assessment', column: 'details_enc', rowId: a.id })
        : null,
      completedAt: a.completed_at,
      late: a.late,
    };
  }

  /** Sealed details and the anonymous statistics fields of one assessment in one row. */
  async insertRiskAssessment(a: NewRiskAssessment, tx?: EntityManager): Promise<void> {
    await this.db(tx).query(
      `INSERT INTO risk_assessment (id, case_id, social_space_id, professional_count, professionals_enc, parents_involved, child_involved, involvement_enc, home_visit,
         details_enc, result, completed_at, age_group, sex, danger_kinds, reported_by, existing_help, new_help, family_court, created_by, accepted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, false)`,
      [
        a.id,
        a.caseId,
        a.socialSpaceId,
        a.professionals.length,
        this.cipher.seal(a.professionals, { table: 'risk_assessment', column: 'professionals_enc', rowId: a.id }),
        a.parentsInvolved,
        a.childInvolved,
        a.involvementNote
          ? this.cipher.seal(a.involvementNote, { table: 'risk_assessment', column: 'involvement_enc', rowId: a.id })
          : null,
        a.homeVisit,
        this.cipher.seal(a.details, { table: 'risk_assessment', column: 'details_enc', rowId: a.id }),
        a.result,
        a.completedAt,
        a.ageGroup,
        a.sex,
        a.dangerKinds,
        a.reportedBy,
        a.existingHelp,
        a.newHelp,
        a.familyCourt,
        a.createdBy,
      ],
    );
  }

  /** Removes a step's record the workflow refused (only while it is not accepted). */
  async removeStepRecord(table: StepRecordTable, id: string): Promise<void> {
    await this.dataSource.query(REMOVE[table], [id]);
  }

  /**
   * Accepts the records the case's workflow names (its current assessment, protection, help plan)
   * that are still waiting: their request wrote them and the workflow took the step, but the answer
   * was lost before they were marked.
   */
  async acceptNamedStepRecords(caseId: string, ids: { assessmentId?: string; protectionId?: string; helpPlanId?: string }): Promise<void> {
    const named: Array<[keyof typeof ACCEPT_NAMED, string | undefined]> = [
      ['risk_assessment', ids.assessmentId],
      ['immediate_protection', ids.protectionId],
      ['help_plan', ids.helpPlanId],
    ];
    for (const [table, id] of named) if (id) await this.dataSource.query(ACCEPT_NAMED[table], [id, caseId]);
  }

  /** One immediate protection as its answer shows it (the reason opened). */
  private immediateProtection(r: ImmediateProtectionRow): ImmediateProtectionRecord {
    return {
      id: r.id,
      assessmentId: r.assessment_id,
      measure: r.measure,
      reason: r.reason_enc
        ? this.cipher.open<string>(r.reason_enc, { table: 'immediate_protection', column: 'reason_enc', rowId: r.id })
        : null,
      takenAt: r.taken_at,
      late: r.late,
      createdBy: r.created_by,
      createdAt: r.created_at,
    };
  }

  async insertImmediateProtection(p: NewImmediateProtection, tx?: EntityManager): Promise<void> {
    await this.db(tx).query(
      `INSERT INTO immediate_protection (id, case_id, assessment_id, measure, reason_enc, taken_at, created_by, accepted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, false)`,
      [
        p.id,
        p.caseId,
        p.assessmentId,
        p.measure,
        p.reason ? this.cipher.seal(p.reason, { table: 'immediate_protection', column: 'reason_enc', rowId: p.id }) : null,
        p.takenAt,
        p.createdBy,
      ],
    );
  }

  /** The help plan versions (in their order), each with its reviews in theirs. */
  private helpPlans(plans: HelpPlanRow[], reviews: HelpPlanReviewRow[]): HelpPlanRecord[] {
    return plans.map((p) => ({
      id: p.id,
      version: p.version,
      planDate: p.plan_date,
      reviewAt: p.review_at,
      helpKinds: p.help_kinds,
      content: p.content_enc
        ? this.cipher.open<HelpPlanContent>(p.content_enc, { table: 'help_plan', column: 'content_enc', rowId: p.id })
        : null,
      reviews: reviews
        .filter((r) => r.help_plan_id === p.id)
        .map((r) => ({
          reviewedAt: r.reviewed_at,
          nextReviewAt: r.next_review_at,
          notes: r.notes_enc
            ? this.cipher.open<string>(r.notes_enc, { table: 'help_plan_review', column: 'notes_enc', rowId: r.id })
            : null,
        })),
    }));
  }

  /** A new help plan version: one more than the case's latest (counting records still waiting, so versions stay unique). */
  async insertHelpPlan(p: NewHelpPlan, tx?: EntityManager): Promise<void> {
    await this.db(tx).query(
      `INSERT INTO help_plan (id, case_id, version, plan_date, review_at, help_kinds, content_enc, created_by, accepted)
       VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM help_plan WHERE case_id = $2), $3, $4, $5, $6, $7, false)`,
      [
        p.id,
        p.caseId,
        p.planDate,
        p.reviewAt,
        p.helpKinds,
        this.cipher.seal(p.content, { table: 'help_plan', column: 'content_enc', rowId: p.id }),
        p.createdBy,
      ],
    );
  }

  /** A review waiting for the workflow; its id. */
  async insertHelpPlanReview(r: NewHelpPlanReview, tx?: EntityManager): Promise<string> {
    // The id is made here, not by the database: the sealed notes are bound to it.
    const id = randomUUID();
    await this.db(tx).query(
      'INSERT INTO help_plan_review (id, help_plan_id, reviewed_at, next_review_at, notes_enc, created_by, accepted) VALUES ($1, $2, $3, $4, $5, $6, false)',
      [
        id,
        r.helpPlanId,
        r.reviewedAt,
        r.nextReviewAt,
        this.cipher.seal(r.notes, { table: 'help_plan_review', column: 'notes_enc', rowId: id }),
        r.createdBy,
      ],
    );
    return id;
  }

  /** The consultation row of a case's Fallteam child workflow; idempotent by its id. */
  async insertFallteamConsultation(c: {
    id: string;
    caseId: string;
    workflowId: string;
    questions: string[];
    requestedBy: string;
  }): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO consultation (id, case_id, workflow_id, questions_enc, requested_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
      [
        c.id,
        c.caseId,
        c.workflowId,
        this.cipher.seal(c.questions, { table: 'consultation', column: 'questions_enc', rowId: c.id }),
        c.requestedBy,
      ],
    );
  }

  private db(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}
