import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@sro/audit';
import { AppConfig } from '@sro/config';
import { DomainError, ErrorCode, germanDateTime, Principal, Role } from '@sro/common';
import { TeamRepository } from '@sro/reference-data';
import { ReminderService } from '@sro/reminders';
import { BreakGlass, CaseAccessRepository, CaseTransferRecord, Substitution } from './case-access.repository';
import { CaseRepository } from './case.repository';
import { CaseWorkflowSignals } from './case-workflow.signals';
import { CaseService } from './case.service';
import { FieldCipher } from './field-cipher';
import { StaffRepository } from './staff.repository';

export interface NewSubstitution {
  /** Who is absent; the caller by default (a lead may name a substitute for a member of their team). */
  absentUserId?: string;
  substituteUserId: string;
  startsAt: string;
  endsAt: string;
}

export interface CaseTransfer {
  id: string;
  fromUserId: string;
  toUserId: string;
  note: string | null;
  transferredBy: string;
  transferredAt: Date;
}

/**
 * Who works on a case: its team (responsible caseworker and co-workers), substitutions for a period,
 * break-glass openings in emergencies and transfers to another caseworker.
 */
@Injectable()
export class CaseTeamService {
  constructor(
    private readonly cases: CaseService,
    private readonly caseFiles: CaseRepository,
    private readonly access: CaseAccessRepository,
    private readonly staff: StaffRepository,
    private readonly reminders: ReminderService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly config: AppConfig,
    private readonly teams: TeamRepository,
    private readonly signals: CaseWorkflowSignals,
  ) {}

  /** The responsible caseworker (or their substitute) names the co-workers: active caseworkers only. */
  async setCoWorkers(user: Principal, caseId: string, coWorkerIds: string[]): Promise<void> {
    const { file, grant } = await this.cases.open(user, caseId, 'write');
    const responsible = file.assignedCaseworkerIds[0];
    if (responsible !== user.sub && !grant.standsInFor.includes(responsible))
      throw new DomainError(ErrorCode.Forbidden, 'Nur die fallverantwortliche Fachkraft (oder ihre Vertretung) bestimmt das Fallteam.');
    const unique = [...new Set(coWorkerIds)].filter((id) => id !== responsible);
    await this.requireCaseworkers(unique, '/coWorkerIds', coWorkerIds);
    await this.caseFiles.setCoWorkers(caseId, unique);
  }

  /** A caseworker names their substitute for a period; a lead may name one for someone else. */
  async nameSubstitute(user: Principal, input: NewSubstitution): Promise<Substitution> {
    const absentUserId = input.absentUserId ?? user.sub;
    if (absentUserId !== user.sub && !(user.roles.includes(Role.Lead) && (await this.teams.leadIdsOfUser(absentUserId)).includes(user.sub)))
      throw new DomainError(ErrorCode.Forbidden, 'Eine Vertretung für andere bestimmt nur die Leitung ihres Teams.');
    if (absentUserId === user.sub && !user.roles.includes(Role.Caseworker))
      throw new DomainError(ErrorCode.Forbidden, 'Nur Fachkräfte haben Fälle, für die eine Vertretung nötig ist.');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt)
      throw DomainError.invalid('Der Zeitraum ist leer.', [
        {
          pointer: '/endsAt',
          code: 'date.min',
          params: { after: startsAt.toISOString() },
          message: `Das Ende muss nach dem Beginn (${germanDateTime(startsAt)}) liegen.`,
        },
      ]);
    if (input.substituteUserId === absentUserId)
      throw DomainError.invalid('Niemand vertritt sich selbst.', [
        { pointer: '/substituteUserId', code: 'not-self', message: 'Bitte nennen Sie eine andere Person als die vertretene.' },
      ]);
    await this.requireCaseworkers([input.substituteUserId], '/substituteUserId');
    if (absentUserId !== user.sub) await this.requireCaseworkers([absentUserId], '/absentUserId');
    return this.access.insertSubstitution({ absentUserId, substituteUserId: input.substituteUserId, startsAt, endsAt, namedBy: user.sub });
  }

  async substitutions(user: Principal): Promise<{ items: Substitution[] }> {
    return { items: await this.access.substitutionsOf(user.sub) };
  }

  /** Ends a substitution early: the absent caseworker, the substitute, whoever named it, or a lead. */
  async endSubstitution(user: Principal, id: string): Promise<Substitution> {
    const found = await this.access.findSubstitution(id);
    const involved = found && [found.absentUserId, found.substituteUserId, found.namedBy].includes(user.sub);
    if (!found || !(involved || user.roles.includes(Role.Lead))) throw DomainError.notFound('Die Vertretung');
    const ended = await this.access.endSubstitution(id);
    if (!ended) throw DomainError.conflict('Die Vertretung ist bereits beendet.');
    return ended;
  }

  /**
   * Break-glass: a caseworker not on the case team opens it for a limited time after giving a
   * reason; the opening is audited with the reason, and the responsible caseworker and the lead are
   * notified through their inbox.
   */
  async breakGlass(user: Principal, caseId: string, reason: string): Promise<BreakGlass> {
    const file = await this.caseFiles.findById(caseId);
    // Break-glass proves nothing about a case that does not exist (or no longer does).
    if (!file || file.anonymisedAt || !user.roles.includes(Role.Caseworker)) throw DomainError.notFound('Der Fall');
    if (file.assignedCaseworkerIds.includes(user.sub))
      throw DomainError.conflict('Sie gehören zum Fallteam; ein Notfallzugriff ist nicht nötig.');
    const opened = await this.access.insertBreakGlass({
      caseId,
      userId: user.sub,
      reason: reason.trim(),
      expiresAt: new Date(Date.now() + this.config.caseAccess.breakGlassMs),
    });
    const responsible = file.assignedCaseworkerIds[0];
    const lead = await this.access.leadOf(caseId);
    await this.audit.record({
      actorId: user.sub,
      actorRoles: user.roles,
      action: 'break-glass',
      resourceType: 'case',
      resourceId: caseId,
      purpose: 'Notfallzugriff (Break-Glass)',
      outcome: 'allowed',
      details: { reason: reason.trim(), expiresAt: opened.expiresAt.toISOString(), responsibleCaseworkerId: responsible, leadId: lead },
    });
    const recipients = [...new Set([responsible, lead].filter((id): id is string => !!id && id !== user.sub))];
    if (recipients.length > 0)
      await this.reminders.schedule({
        key: `case/${caseId}/break-glass/${opened.id}`,
        dueAt: new Date(),
        recipients: recipients.map((id) => ({ type: 'user' as const, id })),
        template: 'case-break-glass',
        context: { pseudonym: file.pseudonym, expiresAt: opened.expiresAt.toISOString(), link: caseLink(file) },
      });
    return opened;
  }

  /**
   * Hands the case to another caseworker with a note: the responsible caseworker (or their
   * substitute) or the lead of the case's team. The new caseworker becomes responsible, the old one
   * leaves the team, scheduled reminders and follow-ups of the case move along.
   */
  async transfer(user: Principal, caseId: string, input: { toCaseworkerId: string; note: string }): Promise<CaseTransfer> {
    const { file, grant } = await this.cases.open(user, caseId, 'read');
    const responsible = file.assignedCaseworkerIds[0];
    const allowed = grant.kind === 'lead' || responsible === user.sub || grant.standsInFor.includes(responsible);
    if (!allowed)
      throw new DomainError(
        ErrorCode.Forbidden,
        'Einen Fall übergibt die fallverantwortliche Fachkraft (oder ihre Vertretung) oder die Leitung.',
      );
    if (input.toCaseworkerId === responsible)
      throw DomainError.invalid('Der Fall liegt schon dort.', [
        { pointer: '/toCaseworkerId', code: 'unchanged', message: 'Diese Fachkraft ist bereits fallverantwortlich.' },
      ]);
    await this.requireCaseworkers([input.toCaseworkerId], '/toCaseworkerId');
    const transferId = randomUUID();
    const record = await this.access.transaction((tx) =>
      this.access.transfer(tx, {
        id: transferId,
        caseId,
        fromUserId: responsible,
        toUserId: input.toCaseworkerId,
        noteEnc: this.cipher.seal(input.note, { table: 'case_transfer', column: 'note_enc', rowId: transferId }),
        transferredBy: user.sub,
      }),
    );
    await this.audit.record({
      actorId: user.sub,
      actorRoles: user.roles,
      action: 'transfer',
      resourceType: 'case',
      resourceId: caseId,
      purpose: 'Fallübergabe',
      outcome: 'allowed',
      // The hand-over note is sealed with the transfer, not copied into the log.
      details: { transferId: record.id, fromUserId: responsible, toUserId: input.toCaseworkerId, via: grant.kind },
    });
    await this.signals.caseworkerChanged(await this.access.workflowIdsOf(caseId), input.toCaseworkerId);
    await this.reminders.schedule({
      key: `case/${caseId}/transfer/${record.id}`,
      dueAt: new Date(),
      recipients: [{ type: 'user', id: input.toCaseworkerId }],
      template: 'case-transferred',
      context: { pseudonym: file.pseudonym, link: caseLink(file) },
    });
    return this.view(record);
  }

  /** The hand-over history of a case, for those who may read it. */
  async transfers(user: Principal, caseId: string): Promise<{ items: CaseTransfer[] }> {
    await this.cases.grantFor(user, caseId, 'read');
    return { items: (await this.access.transfers(caseId)).map((t) => this.view(t)) };
  }

  private view(t: CaseTransferRecord): CaseTransfer {
    const { noteEnc, ...rest } = t;
    return {
      ...rest,
      note: noteEnc ? this.cipher.open<string>(noteEnc, { table: 'case_transfer', column: 'note_enc', rowId: t.id }) : null,
    };
  }

  private async requireCaseworkers(ids: string[], pointer: string, all: string[] = ids): Promise<void> {
    const known = new Set(await this.staff.activeWithAnyRole(ids, [Role.Caseworker]));
    const problems = all
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => ids.includes(id) && !known.has(id))
      .map(({ id, i }) => ({
        pointer: all === ids && ids.length === 1 ? pointer : `${pointer}/${i}`,
        code: 'unknown-reference',
        params: { userId: id },
        message: 'Diese Person ist keine aktive Fachkraft; bitte wählen Sie eine aus der Liste.',
      }));
    if (problems.length > 0) throw DomainError.invalid('Nur aktive Fachkräfte können hier benannt werden.', problems);
  }
}

function caseLink(file: { id: string; workflowId: string | null }): string {
  return file.workflowId ? `/jugendhilfedienst-cases/${file.id}` : `/cases/${file.id}`;
}
