import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppConfig } from '@sro/config';
import { DomainError, ErrorCode, FieldProblem, germanDate, germanDateTime, Principal, Role } from '@sro/common';
import { DefinitionsService, PartyKind } from '@sro/definitions';
import type { ProcessEvent } from '@sro/processes';
import { AssignmentsService } from '@sro/reference-data';
import { temporalCall, temporalStartAfterWrite, temporalUpdateAfterWrite } from '@sro/temporal';
import {
  AGREEMENT_STATUS_LABELS,
  AgreementDecision,
  AgreementRejection,
  AgreementStatus,
  agreementUpdates,
  ApproverAssignment,
  CooperationAgreementInput,
  DECISION_LABELS,
  DecisionOutcome,
  workflowIds,
  WorkflowType,
} from '@sro/workflows/contracts';
import {
  AgreementDecisionRecord,
  AgreementKind,
  AgreementParty,
  AgreementPartyKind,
  AgreementVersion,
  AttachmentMeta,
  CooperationAgreement,
} from './agreement.entity';
import {
  AgreementRepository,
  AgreementScope,
  AgreementVersionSummary,
  isUniqueViolation,
  NewAgreementVersion,
  PendingDecisionItem,
} from './agreement.repository';

const KEY = 'cooperation-agreement';
const WHAT = 'Die Kooperationsvereinbarung';
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface PartyInput {
  kind: AgreementPartyKind;
  refId?: string;
  /** Only for the Landkreis; contract partners and municipalities are named from the registry. */
  name?: string;
}

export interface AgreementMetaInput {
  title: string;
  kind: AgreementKind;
  parties: PartyInput[];
  socialSpaceIds: string[];
}

export interface VersionInput {
  body: string;
  attachments?: AttachmentMeta[];
  validFrom: string;
  validUntil: string;
  changeNote?: string;
}

export interface AgreementDraftInput extends AgreementMetaInput, VersionInput {
  planningRegionId: string;
}

export interface SubmitInput {
  approvers?: ApproverAssignment[];
  committeeRequired?: boolean;
  optionalStages?: string[];
}

export interface DecisionInput {
  stageKey: string;
  partyKey?: string;
  decision: AgreementDecision;
  comment?: string;
  resolutionNumber?: string;
  resolutionDate?: string;
}

export interface PageOf<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A comment of the round that was rejected. */
export type RejectionComment = Pick<AgreementDecisionRecord, 'stageKey' | 'partyKey' | 'approverId' | 'decision' | 'comment' | 'decidedAt'>;

/** The agreement as one reads it: its row, its versions without text, the latest text, and why it was last rejected. */
export interface AgreementDetail extends Omit<CooperationAgreement, 'lastRejection'> {
  versions: AgreementVersionSummary[];
  latest: Pick<AgreementVersion, 'version' | 'status' | 'body' | 'attachments' | 'validFrom' | 'validUntil'>;
  lastRejection: (AgreementRejection & { comments: RejectionComment[] }) | null;
}

/** `KV-7KQ3MX`: a short reference for letters and reminder texts. */
function newReference(): string {
  return `KV-${[...randomBytes(6)].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('')}`;
}

function newVersion(agreementId: string, version: number, input: VersionInput, actor: string): NewAgreementVersion {
  return {
    agreementId,
    version,
    body: input.body,
    attachments: input.attachments ?? [],
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    changeNote: input.changeNote ?? null,
    createdBy: actor,
  };
}

/** Party kinds as a coordinator names them. */
const PARTY_KIND_LABELS: Record<'contract_partner' | 'municipality', string> = {
  contract_partner: 'Vertragspartner',
  municipality: 'Kommune',
};

function checkValidity(input: { validFrom: string; validUntil: string }): void {
  if (input.validUntil <= input.validFrom)
    throw DomainError.invalid('Die Gültigkeit endet, bevor sie beginnt.', [
      {
        pointer: '/validUntil',
        code: 'date.min',
        params: { after: input.validFrom },
        message: `Das Ende der Gültigkeit muss nach dem Beginn (${germanDate(input.validFrom)}) liegen.`,
      },
    ]);
}

/**
 * Cooperation agreements (Kooperationsvereinbarungen): coordinators draft, revise, submit and
 * terminate; the named approvers decide. Text, parties and comments stay in PostgreSQL; the
 * approval flow runs in the `cooperation-agreement` workflow with ids, versions and dates only.
 */
@Injectable()
export class AgreementService {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly definitions: DefinitionsService,
    private readonly assignments: AssignmentsService,
  ) {}

  /** A coordinator drafts an agreement with its first version; the workflow starts in `draft`. */
  async create(user: Principal, input: AgreementDraftInput): Promise<AgreementDetail> {
    if (!(await this.agreements.planningRegionExists(input.planningRegionId))) {
      throw DomainError.invalid('Diese Planregion gibt es nicht.', [
        {
          pointer: '/planningRegionId',
          code: 'unknown-reference',
          message: 'Diese Planregion gibt es nicht; bitte wählen Sie eine aus der Liste.',
        },
      ]);
    }
    if (!(await this.assignments.of(user)).planningRegionIds.includes(input.planningRegionId)) {
      throw new DomainError(ErrorCode.Forbidden, 'Sie koordinieren andere Planregionen; Vereinbarungen legen Sie nur für Ihre eigenen an.');
    }
    checkValidity(input);
    const parties = await this.resolve(input);
    const definition = await this.definitions.published(KEY);
    const id = randomUUID();
    const reference = newReference();
    const workflowId = workflowIds.cooperationAgreement(id);
    await this.agreements.insertDraft(
      {
        id,
        reference,
        title: input.title,
        kind: input.kind,
        planningRegionId: input.planningRegionId,
        coordinatorId: user.sub,
        parties,
        socialSpaceIds: input.socialSpaceIds,
        workflowId,
        definitionVersion: definition.version,
      },
      newVersion(id, 1, input, user.sub),
    );
    const workflowInput: CooperationAgreementInput = {
      agreementId: id,
      reference,
      planningRegionId: input.planningRegionId,
      coordinatorId: user.sub,
      definition,
      firstVersion: { version: 1, validFrom: input.validFrom, validUntil: input.validUntil },
    };
    // Without its workflow the draft could never move: a start that did not happen takes it back.
    await temporalStartAfterWrite(
      this.temporal,
      workflowId,
      this.temporal.workflow.start(WorkflowType.CooperationAgreement, {
        taskQueue: this.config.temporal.taskQueue,
        workflowId,
        args: [workflowInput],
      }),
      WHAT,
      () => this.agreements.delete(id),
    );
    return this.get(user, id);
  }

  /** Title, kind, parties and social spaces can change while the agreement is a draft. */
  async update(user: Principal, id: string, input: AgreementMetaInput): Promise<AgreementDetail> {
    const agreement = await this.writable(user, id);
    if (agreement.status !== 'draft')
      throw new DomainError(
        ErrorCode.InvalidState,
        `Die Vereinbarung ist ${AGREEMENT_STATUS_LABELS[agreement.status]}; Titel, Parteien und Sozialräume ändern sich nur im Entwurf.`,
      );
    const parties = await this.resolve(input);
    await this.agreements.updateDraftMeta(id, { title: input.title, kind: input.kind, parties, socialSpaceIds: input.socialSpaceIds });
    return this.get(user, id);
  }

  /**
   * A new version of the text: after a rejection, or as the renewal of an active agreement. The
   * version is committed first without status, then the workflow takes it (its activity gives the
   * version its status); a refusal removes it. No transaction is held across the update.
   */
  async revise(user: Principal, id: string, input: VersionInput): Promise<AgreementVersion> {
    const agreement = await this.writable(user, id);
    checkValidity(input);
    // The next number after the latest version the workflow took (the read model, written with its state).
    const version = agreement.latestVersion + 1;
    await this.unique(() => this.agreements.insertPendingVersion(newVersion(id, version, input, user.sub)));
    await temporalUpdateAfterWrite(
      this.handle(agreement).executeUpdate(agreementUpdates.revise, {
        args: [{ version, validFrom: input.validFrom, validUntil: input.validUntil, actorId: user.sub }],
      }),
      WHAT,
      () => this.agreements.removePendingVersion(id, version),
    );
    return this.version(user, id, version);
  }

  /** Submits the latest version for approval, naming the approvers of every party of every stage. */
  async submit(user: Principal, id: string, input: SubmitInput): Promise<AgreementDetail> {
    const agreement = await this.writable(user, id);
    if (agreement.parties.length < 2) {
      throw DomainError.invalid('Bitte nennen Sie die Parteien, bevor Sie die Vereinbarung einreichen.', [
        { pointer: '/parties', code: 'array.min', params: { min: 2 }, message: 'Bitte mindestens zwei Parteien im Entwurf nennen.' },
      ]);
    }
    if (input.approvers) await this.checkApprovers(input.approvers);
    const partyKinds = await this.partyKinds(agreement.parties);
    await temporalCall(
      this.handle(agreement).executeUpdate(agreementUpdates.submit, {
        args: [
          {
            version: agreement.latestVersion,
            committeeRequired: input.committeeRequired ?? agreement.approval?.committeeRequired ?? false,
            optionalStages: input.optionalStages ?? agreement.approval?.optionalStages ?? [],
            approvers: input.approvers,
            partyKinds,
            actorId: user.sub,
          },
        ],
      }),
      WHAT,
    );
    return this.get(user, id);
  }

  /**
   * An approver decides for a party of a stage. Only the approvers the stage names may; a second
   * decision changes nothing and says so. The comment is stored here, accepted once the workflow has
   * taken the decision.
   */
  async decide(user: Principal, id: string, input: DecisionInput): Promise<DecisionOutcome> {
    const agreement = await this.find(id);
    // The round as the read model holds it: written by the workflow in the same activity as every
    // change, before that change's update answered. Asking the workflow instead cost a workflow task
    // of its own (a replay when the agreement had left the worker's cache); the workflow checks the
    // decision again when it takes it, so a round that moved on meanwhile is still refused there.
    const round = agreement.approval;
    if (!round || round.status !== 'running')
      throw new DomainError(
        ErrorCode.InvalidState,
        `Die Vereinbarung ist ${AGREEMENT_STATUS_LABELS[agreement.status]}; es ist nichts zu entscheiden.`,
      );
    const stage = round.stages.find((s) => s.key === input.stageKey);
    if (!stage)
      throw DomainError.invalid('Diese Stufe gehört nicht zur Freigabe.', [
        {
          pointer: '/stageKey',
          code: 'unknown-stage',
          params: { stageKey: input.stageKey },
          message: 'Diese Stufe gehört nicht zur laufenden Freigabe.',
        },
      ]);
    const named = stage.parties.filter((p) => p.approverIds.includes(user.sub));
    if (named.length === 0)
      throw new DomainError(ErrorCode.Forbidden, `Sie sind in der Stufe „${stage.title}“ nicht als entscheidende Person benannt.`);
    let party = named[0];
    if (input.partyKey) {
      const chosen = stage.parties.find((p) => p.key === input.partyKey);
      if (!chosen)
        throw DomainError.invalid('Diese Partei entscheidet nicht in dieser Stufe.', [
          {
            pointer: '/partyKey',
            code: 'unknown-party',
            params: { stageKey: stage.key, partyKey: input.partyKey },
            message: `Die Stufe „${stage.title}“ hat diese Partei nicht.`,
          },
        ]);
      if (!named.includes(chosen))
        throw new DomainError(ErrorCode.Forbidden, `Sie sind nicht benannt, für „${chosen.title}“ zu entscheiden.`);
      party = chosen;
    } else if (named.length > 1) {
      throw DomainError.invalid('Sie sind für mehrere Parteien dieser Stufe benannt; bitte wählen Sie, für welche Sie entscheiden.', [
        {
          pointer: '/partyKey',
          code: 'enum',
          params: { allowed: named.map((p) => p.key) },
          message: `Bitte eine Partei wählen: ${named.map((p) => p.title).join(', ')}.`,
        },
      ]);
    }
    if (party.decision) {
      const d = party.decision;
      const who = d.actorId === user.sub ? 'Sie haben' : `Für „${party.title}“ hat bereits eine andere Person`;
      throw DomainError.conflict(
        `${who}${d.actorId === user.sub ? ' bereits' : ''} am ${germanDateTime(d.at)} entschieden (${DECISION_LABELS[d.decision]}); nichts wurde geändert.`,
      );
    }
    if (input.decision === 'reject' && !input.comment?.trim()) {
      throw DomainError.invalid('Eine Ablehnung braucht eine Begründung.', [
        { pointer: '/comment', code: 'required', message: 'Bitte begründen Sie die Ablehnung.' },
      ]);
    }
    // The decision (with its comment) is committed first, then the workflow takes it with the row's id
    // as the update's id; its activity accepts the row. A refusal removes the row; a lost answer leaves
    // it unaccepted (unseen) unless the workflow took it. No transaction is held across the update.
    const recordId = randomUUID();
    await this.agreements.insertDecision({
      id: recordId,
      agreementId: id,
      version: round.version,
      round: round.round,
      stageKey: stage.key,
      partyKey: party.key,
      approverId: user.sub,
      decision: input.decision,
      comment: input.comment ?? null,
      resolutionNumber: input.resolutionNumber ?? null,
      resolutionDate: input.resolutionDate ?? null,
    });
    return temporalUpdateAfterWrite(
      this.handle(agreement).executeUpdate(agreementUpdates.decide, {
        updateId: recordId,
        args: [
          {
            round: round.round,
            stageKey: stage.key,
            partyKey: party.key,
            decision: input.decision,
            resolutionNumber: input.resolutionNumber,
            resolutionDate: input.resolutionDate,
            actorId: user.sub,
            recordId,
          },
        ],
      }),
      WHAT,
      () => this.agreements.removeDecision(recordId),
    );
  }

  /** Ends the agreement early (or abandons a draft); a running approval is withdrawn. */
  async terminate(user: Principal, id: string, reason: string): Promise<AgreementDetail> {
    const agreement = await this.writable(user, id);
    await temporalCall(this.handle(agreement).executeUpdate(agreementUpdates.terminate, { args: [{ reason, actorId: user.sub }] }), WHAT);
    await this.agreements.setTerminationReason(id, reason);
    return this.get(user, id);
  }

  // --- reads ----------------------------------------------------------------------------------

  async list(user: Principal, filter: { status?: AgreementStatus; limit: number; offset: number }): Promise<PageOf<CooperationAgreement>> {
    let scope: AgreementScope | null = null;
    if (!user.roles.includes(Role.Admin)) {
      const assigned = await this.assignments.of(user);
      scope = {
        planningRegionIds: user.roles.includes(Role.Coordinator) ? assigned.planningRegionIds : [],
        approverId: user.roles.includes(Role.Approver) ? user.sub : '',
      };
    }
    const { items, total } = await this.agreements.list(scope, filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  /** The agreement, its versions (without text), the text of the latest one, and the comments of the last rejection. */
  async get(user: Principal, id: string): Promise<AgreementDetail> {
    const agreement = await this.visible(user, id);
    const versions = await this.agreements.versionSummaries(id);
    const latest = await this.agreements.findVersion(id, Math.max(...versions.map((v) => v.version)));
    if (!latest) throw new Error(`Agreement ${id} has no version ${Math.max(...versions.map((v) => v.version))}`);
    const rejection = agreement.lastRejection;
    const comments = rejection ? await this.agreements.decisions(id, rejection.round) : [];
    return {
      ...agreement,
      versions,
      latest: {
        version: latest.version,
        status: latest.status,
        body: latest.body,
        attachments: latest.attachments,
        validFrom: latest.validFrom,
        validUntil: latest.validUntil,
      },
      lastRejection: rejection
        ? {
            ...rejection,
            comments: comments
              .filter((c) => c.comment)
              .map(({ stageKey, partyKey, approverId, decision, comment, decidedAt }) => ({
                stageKey,
                partyKey,
                approverId,
                decision,
                comment,
                decidedAt,
              })),
          }
        : null,
    };
  }

  async versions(user: Principal, id: string): Promise<{ items: AgreementVersion[] }> {
    await this.visible(user, id);
    return { items: await this.agreements.versions(id) };
  }

  async version(user: Principal, id: string, version: number): Promise<AgreementVersion> {
    await this.visible(user, id);
    const found = await this.agreements.findVersion(id, version);
    if (!found) throw DomainError.notFound(`Version ${version} der Vereinbarung`);
    return found;
  }

  async decisions(user: Principal, id: string): Promise<{ items: AgreementDecisionRecord[] }> {
    await this.visible(user, id);
    return { items: await this.agreements.decisions(id) };
  }

  async history(user: Principal, id: string, page: { limit: number; offset: number }): Promise<PageOf<ProcessEvent>> {
    await this.visible(user, id);
    const { items, total } = await this.agreements.history(id, page);
    return { items, total, ...page };
  }

  /** An approver's open requests, the earliest deadline first. */
  async pending(user: Principal, page: { limit: number; offset: number }): Promise<PageOf<PendingDecisionItem>> {
    const { items, total } = await this.agreements.pending(user.sub, page);
    return { items, total, ...page };
  }

  // --- helpers --------------------------------------------------------------------------------

  private handle(agreement: CooperationAgreement) {
    return this.temporal.workflow.getHandle(agreement.workflowId);
  }

  private async find(id: string): Promise<CooperationAgreement> {
    const agreement = await this.agreements.findById(id);
    if (!agreement) throw DomainError.notFound(WHAT);
    return agreement;
  }

  /** Admins see every agreement, coordinators those of their planning regions, approvers those they were named for; for others it does not exist. */
  private async visible(user: Principal, id: string): Promise<CooperationAgreement> {
    const agreement = await this.find(id);
    if (user.roles.includes(Role.Admin)) return agreement;
    if (user.roles.includes(Role.Approver) && agreement.approverIds.includes(user.sub)) return agreement;
    if (user.roles.includes(Role.Coordinator) && (await this.assignments.of(user)).planningRegionIds.includes(agreement.planningRegionId))
      return agreement;
    throw DomainError.notFound(WHAT);
  }

  /** For the coordinators of its planning region, and only while it has not ended (its workflow may be closed then). */
  private async writable(user: Principal, id: string): Promise<CooperationAgreement> {
    const agreement = await this.find(id);
    await this.assignments.assertCoordinates(user, agreement.planningRegionId, WHAT);
    if (agreement.status === 'terminated' || agreement.status === 'expired')
      throw new DomainError(
        ErrorCode.InvalidState,
        `Die Vereinbarung ist ${AGREEMENT_STATUS_LABELS[agreement.status]}; nichts wurde geändert.`,
      );
    return agreement;
  }

  /** Parties and social spaces by id: each must exist; the names are taken from the registry. */
  private async resolve(input: AgreementMetaInput): Promise<AgreementParty[]> {
    const problems: FieldProblem[] = [];
    const parties: AgreementParty[] = [];
    const seen = new Set<string>();
    for (const [i, p] of input.parties.entries()) {
      const at = `/parties/${i}`;
      const id = `${p.kind}:${p.refId ?? ''}`;
      if (seen.has(id)) problems.push({ pointer: at, code: 'duplicate', message: 'Diese Partei ist doppelt genannt.' });
      seen.add(id);
      if (p.kind === 'landkreis') {
        if (p.refId)
          problems.push({
            pointer: `${at}/refId`,
            code: 'not-applicable',
            message: 'Der Landkreis hat keine Kennung im Verzeichnis; bitte leer lassen.',
          });
        parties.push({ kind: 'landkreis', refId: null, name: p.name ?? 'Landkreis' });
        continue;
      }
      if (p.name !== undefined)
        problems.push({ pointer: `${at}/name`, code: 'not-applicable', message: 'Der Name kommt aus dem Verzeichnis; bitte leer lassen.' });
      if (!p.refId) {
        problems.push({
          pointer: `${at}/refId`,
          code: 'required',
          message: `Bitte ${p.kind === 'municipality' ? 'die Kommune' : 'den Vertragspartner'} aus der Liste auswählen.`,
        });
        continue;
      }
      const name = await this.agreements.partyName(p.kind, p.refId);
      if (name === null)
        problems.push({
          pointer: `${at}/refId`,
          code: 'unknown-reference',
          message: `Diesen Eintrag (${PARTY_KIND_LABELS[p.kind]}) gibt es nicht; bitte wählen Sie einen aus der Liste.`,
        });
      else parties.push({ kind: p.kind, refId: p.refId, name });
    }
    const known = await this.agreements.existingSocialSpaceIds(input.socialSpaceIds);
    input.socialSpaceIds.forEach((s, i) => {
      if (!known.has(s))
        problems.push({ pointer: `/socialSpaceIds/${i}`, code: 'unknown-reference', message: 'Diesen Sozialraum gibt es nicht.' });
    });
    if (problems.length > 0) throw DomainError.invalid('Parteien oder Sozialräume sind unbekannt oder doppelt genannt.', problems);
    return parties;
  }

  /** The kind of each party as the approval stages name it: a contract partner is a municipality or a free provider. */
  private async partyKinds(parties: AgreementParty[]): Promise<PartyKind[]> {
    const partnerIds = parties.filter((p) => p.kind === 'contract_partner').map((p) => p.refId!);
    const partnerKinds = await this.agreements.contractPartnerKinds(partnerIds);
    return parties.map((p) => {
      if (p.kind !== 'contract_partner') return p.kind;
      const kind = partnerKinds.get(p.refId!);
      if (!kind) throw new Error(`Contract partner ${p.refId} of an agreement is missing from the registry`);
      return kind;
    });
  }

  /** Every named approver must be an active user with the approver role. */
  private async checkApprovers(approvers: ApproverAssignment[]): Promise<void> {
    const ids = [...new Set(approvers.flatMap((a) => a.approverIds))];
    const known = await this.agreements.activeApproverIds(ids);
    const problems = approvers.flatMap((a, i) =>
      a.approverIds
        .map((u, j) => ({ u, j }))
        .filter(({ u }) => !known.has(u))
        .map(({ j }) => ({
          pointer: `/approvers/${i}/approverIds/${j}`,
          code: 'user.role',
          params: { roles: [Role.Approver] },
          message: 'Diese Person ist nicht aktiv oder hat nicht die Rolle Freigabe.',
        })),
    );
    if (problems.length > 0) throw DomainError.invalid('Benannt werden können nur aktive Personen mit der Rolle Freigabe.', problems);
  }

  /** A concurrent second write of the same version or decision is a conflict, not a failure. */
  private async unique<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (isUniqueViolation(error))
        throw DomainError.conflict(
          'Jemand anderes hat die Vereinbarung im selben Moment geändert; nichts wurde geändert. Bitte laden Sie sie neu.',
        );
      throw error;
    }
  }
}
