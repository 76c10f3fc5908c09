import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CaseAccessKind, caseAccessSql, CaseContent, FieldCipher, insertWithFreePseudonym, PersonalData } from '@sro/cases';
import { CaseSource, CaseStepState, JhdZone, ProtectionMeasure, RiskResult } from '@sro/workflows/contracts';
import { AgeGroup, AssessmentProfessional, DangerKind, HelpKind, Sex } from './jugendhilfedienst.types';

/** What was reported at intake, sealed: the reporter is null for an anonymous report. */
/** The tables of a step's sealed record, written before the workflow accepts the step. */
export type StepRecordTable = 'risk_assessment' | 'immediate_protection' | 'help_plan' | 'help_plan_review';

/** Per table: accept a record; accept it with its lateness; remove a refused one; accept one the workflow names. */
const ACCEPT: Record<StepRecordTable, string> = {
  risk_assessment: 'UPDATE risk_assessment SET accepted = true WHERE id = $1',
  immediate_protection: 'UPDATE immediate_protection SET accepted = true WHERE id = $1',
  help_plan: 'UPDATE help_plan SET accepted = true WHERE id = $1',
  help_plan_review: 'UPDATE help_plan_review SET accepted = true WHERE id = $1',
};
const ACCEPT_LATE = {
  risk_assessment: 'UPDATE risk_assessment SET accepted = true, late = $2 WHERE id = $1',
  immediate_protection: 'UPDATE immediate_protection SET accepted = true, late = $2 WHERE id = $1',
};
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
    if (!row) return undefined;
    return {
      id: row.id,
      pseudonym: row.pseudonym,
      socialSpaceId: row.social_space_id,
      workflowId: row.workflow_id,
      source: row.source,
      anonymousReport: row.anonymous_report,
      reportedAt: row.reported_at,
      legalHold: row.legal_hold,
      personal: row.personal_enc
        ? this.cipher.open<PersonalData>(row.personal_enc, { table: 'case_file', column: 'personal_enc', rowId: row.id })
        : EMPTY_PERSONAL,
      report: row.report_enc
        ? this.cipher.open<CaseReport>(row.report_enc, { table: 'case_file', column: 'report_enc', rowId: row.id })
        : null,
    };
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

  /** The assessments of a case in the order they were completed. */
  async riskAssessments(caseId: string): Promise<RiskAssessmentRecord[]> {
    const rows: RiskAssessmentRow[] = await this.dataSource.query(
      'SELECT * FROM risk_assessment WHERE case_id = $1 AND accepted ORDER BY completed_at',
      [caseId],
    );
    return rows.map((a) => ({
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
    }));
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

  /**
   * A step's record once the workflow accepted the step (with whether it came late, where that is
   * kept); idempotent.
   */
  async acceptStepRecord(table: StepRecordTable, id: string, late?: boolean): Promise<void> {
    if (late === undefined) await this.dataSource.query(ACCEPT[table], [id]);
    else await this.dataSource.query(ACCEPT_LATE[table as 'risk_assessment' | 'immediate_protection'], [id, late]);
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

  /** The immediate protections of a case, oldest first. */
  async immediateProtections(caseId: string): Promise<ImmediateProtectionRecord[]> {
    const rows: Array<{
      id: string;
      assessment_id: string | null;
      measure: ProtectionMeasure;
      reason_enc: string | null;
      taken_at: Date;
      late: boolean;
      created_by: string;
      created_at: Date;
    }> = await this.dataSource.query('SELECT * FROM immediate_protection WHERE case_id = $1 AND accepted ORDER BY created_at, id', [
      caseId,
    ]);
    return rows.map((r) => ({
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
    }));
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

  /** The help plan versions of a case, oldest first, each with its reviews in the order they took place. */
  async helpPlans(caseId: string): Promise<HelpPlanRecord[]> {
    const plans: HelpPlanRow[] = await this.dataSource.query('SELECT * FROM help_plan WHERE case_id = $1 AND accepted ORDER BY version', [
      caseId,
    ]);
    const reviews: HelpPlanReviewRow[] = await this.dataSource.query(
      'SELECT r.* FROM help_plan_review r JOIN help_plan p ON p.id = r.help_plan_id WHERE p.case_id = $1 AND r.accepted ORDER BY r.reviewed_at, r.created_at',
      [caseId],
    );
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
