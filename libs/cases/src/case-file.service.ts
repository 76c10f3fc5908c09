import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, FieldProblem, germanDate, Principal } from '@sro/common';
import { caseClosedError } from './case-access.service';
import { CaseFollowUp, CaseFollowUpRepository } from './case-follow-up.repository';
import { CaseHistoryAction, CaseHistoryInsert, CaseHistoryRepository } from './case-history.repository';
import { CaseInputRules, todayInBerlin } from './case-input.rules';
import { CaseRetentionPolicy } from './case-retention.policy';
import { CaseFile, CaseRepository } from './case.repository';
import { CaseDetails, CaseService } from './case.service';
import { CaseContent, CaseZone, PersonalData } from './case.types';
import { Consent, ConsentRepository } from './consent.repository';
import { ConsultationService, ConsultationStatus } from './consultation.service';
import { CaseSearchIndex } from './case-search.index';
import { FieldCipher } from './field-cipher';
import { PacketReleaseRepository } from './packet-release.repository';
import { PacketReleaseState } from './packet-release.service';

/** An edit of a case file: the fields given replace the stored ones (`personal` and `resources` as a whole). */
export interface CaseChange {
  zone?: CaseZone;
  personal?: PersonalData;
  will?: string;
  goals?: string[];
  resources?: CaseContent['resources'];
}

/** One entry of the history: field names only, never values; the reason of a closure or reopening. */
export interface CaseHistoryEntry {
  version: number;
  action: CaseHistoryAction;
  fields: string[];
  reason: string | null;
  actorId: string;
  occurredAt: Date;
}

/** The whole case file for the case team: the case with its consents, consultations, follow-ups and history. */
export interface CaseFileView extends CaseDetails {
  /** `jugendhilfedienst` when the case runs the standardised process, else a case of the Fallteam. */
  kind: 'fallteam' | 'jugendhilfedienst';
  consents: Consent[];
  consultations: Array<ConsultationStatus & { packetRelease: PacketReleaseState | null }>;
  followUps: CaseFollowUp[];
  history: CaseHistoryEntry[];
}

/** The fields of the packet advisers see: changing one marks a released packet stale. */
const PACKET_FIELDS = new Set(['zone', 'will', 'goals', 'resources.person', 'resources.surroundings', 'resources.socialSpace']);
/** Consultations in these phases still wait for the Fallteam: the case cannot be closed under them. */
const RUNNING_PHASES = new Set<ConsultationStatus['phase']>(['requested', 'scheduled']);

/** The case file as the case team keeps it: the full read, edits with optimistic concurrency, closure and reopening. */
@Injectable()
export class CaseFileService {
  constructor(
    private readonly cases: CaseService,
    private readonly caseFiles: CaseRepository,
    private readonly history: CaseHistoryRepository,
    private readonly releases: PacketReleaseRepository,
    private readonly consents: ConsentRepository,
    private readonly followUps: CaseFollowUpRepository,
    private readonly consultations: ConsultationService,
    private readonly retention: CaseRetentionPolicy,
    private readonly inputRules: CaseInputRules,
    private readonly cipher: FieldCipher,
    private readonly searchIndex: CaseSearchIndex,
  ) {}

  /** The full case file (one access check, audited as the route says). */
  async read(user: Principal, id: string): Promise<CaseFileView> {
    const details = await this.cases.get(user, id);
    const file = (await this.caseFiles.findById(id))!;
    const [consents, statuses, releases, followUps, history] = await Promise.all([
      this.consents.listFor(id),
      this.consultations.statusesOf(id),
      this.releases.latestOfCase(id),
      this.followUps.ofCase(id),
      this.history.ofCase(id),
    ]);
    return {
      ...details,
      kind: file.workflowId ? 'jugendhilfedienst' : 'fallteam',
      consents,
      consultations: statuses.map((c) => {
        const r = releases.find((x) => x.consultationId === c.id);
        return {
          ...c,
          packetRelease: r
            ? {
                id: r.id,
                releasedAt: r.releasedAt,
                releasedBy: r.releasedBy,
                caseVersion: r.caseVersion,
                stale: r.staleSince !== null,
                staleSince: r.staleSince,
                staleFields: r.staleFields,
              }
            : null,
        };
      }),
      followUps,
      history: history.map((h) => ({
        version: h.version,
        action: h.action,
        fields: h.fields,
        reason: h.reasonEnc ? this.cipher.open<string>(h.reasonEnc, { table: 'case_history', column: 'reason_enc', rowId: h.id }) : null,
        actorId: h.actorId,
        occurredAt: h.occurredAt,
      })),
    };
  }

  /**
   * Edits a case: validated like the intake, stored only if the case is still at `expectedVersion`
   * (412 otherwise, nothing changed), sealed again, recorded in the history by field name; a released
   * packet whose fields changed is marked stale for the consultations still waiting for the Fallteam.
   */
  async update(user: Principal, id: string, change: CaseChange, expectedVersion: number | undefined): Promise<CaseDetails> {
    const { file } = await this.cases.open(user, id, 'write');
    if (expectedVersion === undefined)
      throw new DomainError(
        ErrorCode.PreconditionRequired,
        'Bitte nennen Sie die Version, die Sie bearbeitet haben (Kopfzeile If-Match mit dem ETag oder das Feld version).',
      );
    if (expectedVersion !== file.version) throw staleVersion(file.version);
    const problems: FieldProblem[] = [];
    if (change.zone !== undefined && file.workflowId && change.zone !== file.zone)
      problems.push({
        pointer: '/zone',
        code: 'process-managed',
        message: 'Die Einstufung eines Jugendhilfedienst-Falls ändert sich nur über die Einstufung im Prozess, nicht hier.',
      });
    if (problems.length > 0) throw DomainError.invalid('Die Änderung ist nicht gültig.', problems);
    if (change.personal) this.inputRules.checkNewCase(change.personal);

    const personal = this.cipher.open<PersonalData>(file.personalEnc, { table: 'case_file', column: 'personal_enc', rowId: id });
    const content = this.cipher.open<CaseContent>(file.contentEnc, { table: 'case_file', column: 'content_enc', rowId: id });
    const nextPersonal: PersonalData = change.personal ?? personal;
    const nextContent: CaseContent = {
      will: change.will ?? content.will,
      goals: change.goals ?? content.goals,
      resources: change.resources ?? content.resources,
    };
    const fields = [
      ...(change.zone !== undefined && change.zone !== file.zone ? ['zone'] : []),
      ...changedFields('personal', personal, nextPersonal, ['familyName', 'givenNames', 'birthDates', 'address', 'familyMembers']),
      ...changedFields('', content, nextContent, ['will', 'goals']),
      ...changedFields('resources', content.resources, nextContent.resources, ['person', 'surroundings', 'socialSpace']),
    ];
    // Nothing differs: nothing to store, and the version stays.
    if (fields.length === 0) return this.cases.get(user, id);

    const personalChanged = fields.some((f) => f.startsWith('personal.'));
    const contentChanged = fields.some((f) => !f.startsWith('personal.') && f !== 'zone');
    await this.caseFiles.transaction(async (tx) => {
      const version = await this.caseFiles.updateIfVersion(tx, id, expectedVersion, {
        zone: fields.includes('zone') ? change.zone : undefined,
        personalEnc: personalChanged
          ? this.cipher.seal(nextPersonal, { table: 'case_file', column: 'personal_enc', rowId: id })
          : undefined,
        contentEnc: contentChanged ? this.cipher.seal(nextContent, { table: 'case_file', column: 'content_enc', rowId: id }) : undefined,
      });
      // Another writer came in between (or closed the case): this write loses, the transaction rolls back.
      if (version === undefined) {
        const now = await this.caseFiles.findById(id);
        if (now?.closedAt) throw caseClosedError();
        throw staleVersion(now?.version ?? expectedVersion + 1);
      }
      await this.history.insert({ caseId: id, version, action: 'update', fields, actorId: user.sub }, tx);
      // The blind search index follows the names in the same transaction.
      if (personalChanged) await this.searchIndex.index(id, nextPersonal, tx);
      const packetFields = fields.filter((f) => PACKET_FIELDS.has(f));
      if (packetFields.length > 0) await this.releases.markStale(tx, id, packetFields);
    });
    return this.cases.get(user, id);
  }

  /**
   * Closes a case of the Fallteam with a reason; the deletion date follows from the definition's
   * retention rule (with or without help). Refused while a consultation still waits for the Fallteam.
   */
  async closeFallteamCase(user: Principal, id: string, input: { reason: string; withHelp?: boolean }): Promise<CaseDetails> {
    const { file } = await this.cases.open(user, id, 'write');
    if (file.workflowId)
      throw new DomainError(ErrorCode.InvalidState, 'Ein Jugendhilfedienst-Fall wird über seinen Prozess abgeschlossen.');
    const statuses = await this.consultations.statusesOf(id);
    const running = statuses.filter((c) => RUNNING_PHASES.has(c.phase));
    if (running.length > 0)
      throw DomainError.conflict(
        `Der Fall hat ${running.length === 1 ? 'eine laufende Fallteam-Beratung' : `${running.length} laufende Fallteam-Beratungen`}. Bitte schließen Sie sie ab oder sagen Sie sie ab, bevor Sie den Fall abschließen; nichts wurde geändert.`,
      );
    const withHelp = input.withHelp ?? statuses.some((c) => c.outcomeRecorded);
    const closedAt = new Date();
    const deletionDate = this.retention.deletionDate(await this.retention.ruleFor(file), closedAt, withHelp);
    await this.caseFiles.transaction(async (tx) => {
      const reasonEnc = this.cipher.seal(input.reason, { table: 'case_file', column: 'closed_reason_enc', rowId: id });
      const version = await this.caseFiles.close(tx, id, { closedAt, closedBy: user.sub, reasonEnc, deletionDate });
      if (version === undefined) throw caseClosedError();
      await this.recordHistory(tx, {
        caseId: id,
        version,
        action: 'close',
        fields: ['deletionDate'],
        reason: input.reason,
        actorId: user.sub,
      });
    });
    return this.cases.get(user, id);
  }

  /**
   * Closes a Jugendhilfedienst case as one operation, in order and idempotent, without a transaction
   * held while the workflow decides: (1) the intent (who, why) is stored; (2) the workflow closes the
   * case, its activity storing the closing time and deletion date; (3) the intent is confirmed with the
   * history entry. If (3) failed after the workflow accepted, the next attempt skips (2) and completes
   * (3). The caller has checked access (need `keep`: an unconfirmed closure is completed on a closed case).
   */
  async closeThroughProcess(user: Principal, id: string, reason: string | null, closeWorkflow: () => Promise<void>): Promise<void> {
    const file = await this.caseFiles.findById(id);
    if (!file || (file.closedAt && file.closedBy)) throw caseClosedError();
    const reasonEnc = reason === null ? null : this.cipher.seal(reason, { table: 'case_file', column: 'closing_reason_enc', rowId: id });
    if (!(await this.caseFiles.recordClosureIntent(id, { by: user.sub, reasonEnc, at: new Date() }))) throw caseClosedError();
    if (!file.closedAt) {
      try {
        await closeWorkflow();
      } catch (error) {
        // The workflow may have closed the case with only its answer lost: then the closure is confirmed below.
        if (!(await this.caseFiles.findById(id))?.closedAt) {
          await this.caseFiles.dropClosureIntent(id);
          throw error;
        }
      }
    }
    await this.caseFiles.transaction(async (tx) => {
      const intent = await this.caseFiles.lockClosureIntent(tx, id);
      // Another attempt confirmed it in between.
      if (!intent) throw caseClosedError();
      const text =
        intent.closingReasonEnc === null
          ? null
          : this.cipher.open<string>(intent.closingReasonEnc, { table: 'case_file', column: 'closing_reason_enc', rowId: id });
      const closedReasonEnc = text === null ? null : this.cipher.seal(text, { table: 'case_file', column: 'closed_reason_enc', rowId: id });
      const version = await this.caseFiles.confirmClosure(tx, id, closedReasonEnc);
      await this.recordHistory(tx, {
        caseId: id,
        version,
        action: 'close',
        fields: ['deletionDate'],
        reason: text,
        actorId: intent.closingBy,
      });
    });
  }

  /**
   * Opens a closed case again, with a reason, while its deletion date has not come. A case with a
   * Jugendhilfedienst process needs `restartProcess`, which gives it a running process again before
   * the case file is opened (a retry after a failed write finds the process running and goes on).
   */
  async reopen(user: Principal, id: string, reason: string, restartProcess?: (file: CaseFile) => Promise<void>): Promise<CaseDetails> {
    const { file } = await this.cases.open(user, id, 'keep');
    if (!file.closedAt) throw notClosedError();
    const deletionDay = file.deletionDate ? new Date(file.deletionDate).toISOString().slice(0, 10) : null;
    if (deletionDay && deletionDay <= todayInBerlin())
      throw new DomainError(
        ErrorCode.InvalidState,
        `Die Aufbewahrungsfrist des Falls ist am ${germanDate(deletionDay)} abgelaufen; er kann nicht wieder geöffnet werden.`,
      );
    if (file.workflowId) {
      if (!restartProcess)
        throw new DomainError(
          ErrorCode.InvalidState,
          'Ein Jugendhilfedienst-Fall wird mit seinem Prozess wieder geöffnet; nichts wurde geändert.',
        );
      await restartProcess(file);
    }
    await this.caseFiles.transaction(async (tx) => {
      const version = await this.caseFiles.reopen(tx, id);
      if (version === undefined) throw notClosedError();
      await this.recordHistory(tx, { caseId: id, version, action: 'reopen', fields: ['deletionDate'], reason, actorId: user.sub });
    });
    return this.cases.get(user, id);
  }

  /** A history entry; its reason is sealed for the entry's own row (case_history.reason_enc). */
  private async recordHistory(
    tx: EntityManager,
    entry: Omit<CaseHistoryInsert, 'id' | 'reasonEnc'> & { reason?: string | null },
  ): Promise<void> {
    const { reason, ...rest } = entry;
    if (reason === undefined || reason === null) return this.history.insert(rest, tx);
    const id = await this.history.nextId(tx);
    const reasonEnc = this.cipher.seal(reason, { table: 'case_history', column: 'reason_enc', rowId: id });
    await this.history.insert({ ...rest, id, reasonEnc }, tx);
  }
}

function notClosedError(): DomainError {
  return new DomainError(ErrorCode.InvalidState, 'Der Fall ist nicht abgeschlossen; nichts wurde geändert.');
}

function staleVersion(current: number): DomainError {
  return new DomainError(
    ErrorCode.PreconditionFailed,
    `Der Fall wurde inzwischen geändert (aktuelle Version ${current}). Bitte laden Sie ihn neu und übernehmen Sie Ihre Änderung erneut; nichts wurde gespeichert.`,
  );
}

/** The names of the fields that differ, under a prefix (`personal.familyName`). */
function changedFields<T extends object>(prefix: string, before: T, after: T, keys: Array<keyof T & string>): string[] {
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => (prefix ? `${prefix}.${k}` : k));
}
