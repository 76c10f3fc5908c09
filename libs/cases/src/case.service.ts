import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, Principal } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { CaseInputRules } from './case-input.rules';
import { CaseRetentionPolicy, CaseRetentionRule } from './case-retention.policy';
import { CaseFile, CaseFileInsert, CaseRepository, CaseRow, toCaseFile, WithNewCase, WrittenCase } from './case.repository';
import { CaseAccessKind } from './case-access.repository';
import { CaseAccessService, CaseGrant, CaseNeed } from './case-access.service';
import { CaseSearchIndex } from './case-search.index';
import { CaseContent, CaseZone, ConfidedItem, NewConsent, PersonalData, RELEASABLE_FIELDS, ReleasableField } from './case.types';
import { Consent, ConsentRepository } from './consent.repository';
import { FieldCipher } from './field-cipher';
import { newPseudonym } from './pseudonym';

export interface NewCase {
  socialSpaceId: string;
  zone: CaseZone;
  personal: PersonalData;
  content: CaseContent;
  confided: Array<{ text: string }>;
}

/**
 * A case in the caseworker's list: the family name is the only personal datum opened, and only to
 * those who may open the case; others of the social space see that it exists and whom to ask.
 */
export interface CaseSummary {
  id: string;
  pseudonym: string;
  zone: CaseZone | null;
  socialSpaceId: string;
  familyName: string | null;
  /** How the caller reaches the case; null: listed only (same social space, not on the case team). */
  access: CaseAccessKind | null;
  responsibleCaseworkerId: string;
  responsibleCaseworkerName: string | null;
  createdAt: Date;
}

/** The whole case file, opened for a caseworker who may see it. */
export interface CaseDetails extends CaseContent {
  id: string;
  pseudonym: string;
  zone: CaseZone | null;
  socialSpaceId: string;
  assignedCaseworkerIds: string[];
  /** The responsible caseworker: the first of the case team. */
  responsibleCaseworkerId: string;
  /** How the caller reaches the case (team, substitute, break-glass, lead). */
  access: CaseAccessKind;
  /** Null while the case is open: closure sets it from `retentionRule`. */
  deletionDate: Date | null;
  retentionRule: CaseRetentionRule;
  legalHold: boolean;
  personal: PersonalData;
  /** Only the items the caller may read (§ 65): their own, those of whom they stand in for, and released ones. */
  confided: ConfidedItem[];
  createdAt: Date;
  /** The version an edit names (If-Match or `version`); raised by every edit, closure and reopening. */
  version: number;
  /** `closed`: read-only until reopened (notes by the lead aside). */
  status: 'open' | 'closed';
  closedAt: Date | null;
  closedBy: string | null;
  /** Why the case was closed (opened from its sealed form); null for an open case or a closure without reason. */
  closedReason: string | null;
}

/** A new case checked and sealed, before it is written (see `CaseService.prepare`). */
export interface PreparedCase {
  input: NewCase;
  confided: ConfidedItem[];
  insert: CaseFileInsert;
}

/** Case files: personal data sealed field by field, shown only to the caseworkers it belongs to. */
@Injectable()
export class CaseService {
  constructor(
    private readonly caseFiles: CaseRepository,
    private readonly consentRecords: ConsentRepository,
    private readonly cipher: FieldCipher,
    private readonly assignments: AssignmentsService,
    private readonly inputRules: CaseInputRules,
    private readonly access: CaseAccessService,
    private readonly retention: CaseRetentionPolicy,
    private readonly searchIndex: CaseSearchIndex,
  ) {}

  async create(user: Principal, input: NewCase): Promise<CaseDetails> {
    const prepared = await this.prepare(user, input);
    const written = await this.write(prepared);
    return this.created(prepared, written, await this.retention.ruleFor({ workflowId: null }));
  }

  /**
   * A new case checked and sealed, not written yet: `write` stores it (alone, or with a consultation
   * in the same transaction), `created` answers it to its creator.
   */
  async prepare(user: Principal, input: NewCase): Promise<PreparedCase> {
    const scope = await this.assignments.of(user);
    if (!scope.socialSpaceIds.includes(input.socialSpaceId)) {
      throw DomainError.invalid('Sie sind diesem Sozialraum nicht zugeordnet.', [
        { pointer: '/socialSpaceId', code: 'not-assigned', message: 'Bitte einen Ihrer Sozialräume auswählen.' },
      ]);
    }
    this.inputRules.checkNewCase(input.personal);
    const id = randomUUID();
    const confided: ConfidedItem[] = input.confided.map((c) => ({
      id: randomUUID(),
      text: c.text,
      confidantId: user.sub,
      released: false,
    }));
    return {
      input,
      confided,
      insert: {
        id,
        pseudonym: newPseudonym(),
        zone: input.zone,
        socialSpaceId: input.socialSpaceId,
        caseworkerId: user.sub,
        personalEnc: this.cipher.seal(input.personal, { table: 'case_file', column: 'personal_enc', rowId: id }),
        contentEnc: this.cipher.seal(input.content, { table: 'case_file', column: 'content_enc', rowId: id }),
        confidedEnc: this.cipher.seal(confided, { table: 'case_file', column: 'confided_enc', rowId: id }),
        // Open: no deletion date until closure derives it from the definition's retention rule.
        deletionDate: null,
        searchKeyId: this.searchIndex.keyId,
      },
    };
  }

  /**
   * Writes a prepared case in one statement: the file, its first history entry, the blind index of
   * its names and what goes `along` with it (an intake's consultation request).
   */
  write(prepared: PreparedCase, along: WithNewCase[] = []): Promise<WrittenCase> {
    return this.caseFiles.insert(prepared.insert, [this.searchIndex.newCaseTokens(prepared.input.personal), ...along]);
  }

  /**
   * The new case as its creator sees it, from what was written (no reading back): the creator is its
   * responsible caseworker and the confidant of every confided item.
   */
  created(prepared: PreparedCase, written: WrittenCase, retentionRule: CaseRetentionRule): CaseDetails {
    const { insert, input } = prepared;
    return {
      id: insert.id,
      pseudonym: written.pseudonym,
      zone: insert.zone,
      socialSpaceId: insert.socialSpaceId,
      assignedCaseworkerIds: [insert.caseworkerId],
      responsibleCaseworkerId: insert.caseworkerId,
      access: 'team',
      deletionDate: null,
      retentionRule,
      legalHold: false,
      personal: input.personal,
      will: input.content.will,
      goals: input.content.goals,
      resources: input.content.resources,
      confided: prepared.confided,
      createdAt: written.createdAt,
      version: written.version,
      status: 'open',
      closedAt: null,
      closedBy: null,
      closedReason: null,
    };
  }

  /** Takes back a case written with a consultation whose workflow never started. */
  async removeUnstarted(id: string): Promise<void> {
    await this.caseFiles.deleteUnstarted(id);
  }

  /** The full case for a caseworker who may see it. */
  async get(user: Principal, id: string): Promise<CaseDetails> {
    const { file, grant } = await this.open(user, id, 'read');
    return {
      id: file.id,
      pseudonym: file.pseudonym,
      zone: file.zone,
      socialSpaceId: file.socialSpaceId,
      assignedCaseworkerIds: file.assignedCaseworkerIds,
      responsibleCaseworkerId: grant.responsibleId,
      access: grant.kind,
      deletionDate: file.deletionDate,
      retentionRule: await this.retention.ruleFor(file),
      legalHold: file.legalHold,
      personal: this.cipher.open<PersonalData>(file.personalEnc, { table: 'case_file', column: 'personal_enc', rowId: file.id }),
      ...this.cipher.open<CaseContent>(file.contentEnc, { table: 'case_file', column: 'content_enc', rowId: file.id }),
      confided: this.readableConfided(user, file, grant),
      createdAt: file.createdAt,
      version: file.version,
      status: file.closedAt ? 'closed' : 'open',
      closedAt: file.closedAt,
      closedBy: file.closedBy,
      closedReason: file.closedReasonEnc
        ? this.cipher.open<string>(file.closedReasonEnc, { table: 'case_file', column: 'closed_reason_enc', rowId: file.id })
        : null,
    };
  }

  async addConsent(user: Principal, caseId: string, consent: NewConsent): Promise<Consent> {
    await this.visibleCase(user, caseId, 'write');
    await this.inputRules.checkConsent(consent);
    const unknown = consent.fields.map((f, i) => ({ f, i })).filter(({ f }) => !(RELEASABLE_FIELDS as readonly string[]).includes(f));
    if (unknown.length > 0) {
      throw DomainError.invalid(
        'Die Einwilligung nennt Felder, die es nicht gibt.',
        unknown.map(({ f, i }) => ({
          pointer: `/fields/${i}`,
          code: 'enum',
          params: { allowed: [...RELEASABLE_FIELDS] },
          message: `Unbekanntes Feld „${f}“; freigeben lassen sich: ${RELEASABLE_FIELDS.join(', ')}.`,
        })),
      );
    }
    return this.consentRecords.add(caseId, consent, user.sub);
  }

  async revokeConsent(user: Principal, caseId: string, consentId: string): Promise<Consent> {
    await this.visibleCase(user, caseId, 'write');
    const revoked = await this.consentRecords.revoke(caseId, consentId);
    if (!revoked)
      throw new DomainError(ErrorCode.Conflict, 'Der Fall hat keine wirksame Einwilligung mit dieser Kennung; nichts wurde geändert.');
    return revoked;
  }

  async consents(user: Principal, caseId: string): Promise<{ items: Consent[] }> {
    await this.visibleCase(user, caseId);
    return { items: await this.consentRecords.listFor(caseId) };
  }

  /** Identity fields released for external advisers of the Fallteam by consents in force. */
  async releasedFields(caseId: string): Promise<Set<ReleasableField>> {
    return new Set((await this.consentRecords.fieldsReleasedFor(caseId, 'fallteam')) as ReleasableField[]);
  }

  /** Adds a confided item (§ 65): the caller is its confidant, and no one else reads it until released. */
  async addConfided(user: Principal, caseId: string, text: string): Promise<CaseDetails> {
    const { file } = await this.open(user, caseId, 'write');
    const items = this.cipher.open<ConfidedItem[]>(file.confidedEnc, { table: 'case_file', column: 'confided_enc', rowId: file.id });
    items.push({ id: randomUUID(), text, confidantId: user.sub, released: false });
    await this.caseFiles.setConfided(caseId, this.cipher.seal(items, { table: 'case_file', column: 'confided_enc', rowId: caseId }));
    return this.get(user, caseId);
  }

  /** The confidant (or their substitute) releases one confided item to the case team; advisers never see it. */
  async releaseConfided(user: Principal, caseId: string, itemId: string): Promise<CaseDetails> {
    const { file, grant } = await this.open(user, caseId, 'write');
    const items = this.cipher.open<ConfidedItem[]>(file.confidedEnc, { table: 'case_file', column: 'confided_enc', rowId: file.id });
    const item = items.find((i) => i.id === itemId && this.isConfidant(user, file, grant, i));
    // An item the caller may not read does not exist for them.
    if (!item) throw DomainError.notFound('Die anvertraute Angabe');
    item.released = true;
    await this.caseFiles.setConfided(caseId, this.cipher.seal(items, { table: 'case_file', column: 'confided_enc', rowId: caseId }));
    return this.get(user, caseId);
  }

  /** The case file and why the caller may work with it; refused as the access rule says. */
  async open(user: Principal, id: string, need: CaseNeed): Promise<{ file: CaseFile; grant: CaseGrant }> {
    const { row, grant } = await this.openRow(user, id, need);
    return { file: toCaseFile(row), grant };
  }

  /**
   * The same, answering the stored row with every column, for libs with columns of their own (the
   * Jugendhilfedienst's); the row and the access rule's answer come in one query.
   */
  async openRow(user: Principal, id: string, need: CaseNeed): Promise<{ row: CaseRow; grant: CaseGrant }> {
    const found = await this.caseFiles.findRowWithAccess(id, user.sub);
    const grant = await this.access.require(user, found && toCaseFile(found.row), need, found?.access);
    return { row: found!.row, grant };
  }

  /** The case file if the caller may read it (or change it, with need `write`); see CaseAccessService. */
  async visibleCase(user: Principal, id: string, need: CaseNeed = 'read'): Promise<CaseFile> {
    return (await this.open(user, id, need)).file;
  }

  /**
   * The same check, answering the stored row with every column.
   * @deprecated For the Jugendhilfedienst lib until it reads its case through its own repository; use `visibleCase`.
   */
  async visible(user: Principal, id: string, need: CaseNeed = 'read'): Promise<CaseRow> {
    return (await this.openRow(user, id, need)).row;
  }

  /** The access rule's answer for a case, for libs that read the case through their own repository. */
  async grantFor(user: Principal, id: string, need: CaseNeed): Promise<CaseGrant> {
    return (await this.open(user, id, need)).grant;
  }

  private readableConfided(user: Principal, file: CaseFile, grant: CaseGrant): ConfidedItem[] {
    if (!CaseAccessService.isTeam(grant)) return [];
    return this.cipher
      .open<ConfidedItem[]>(file.confidedEnc, { table: 'case_file', column: 'confided_enc', rowId: file.id })
      .filter((item) => item.released || this.isConfidant(user, file, grant, item));
  }

  /** The confidant of an item, or their substitute in period; items from before confidants were recorded belong to the responsible caseworker. */
  private isConfidant(user: Principal, file: CaseFile, grant: CaseGrant, item: ConfidedItem): boolean {
    if (!CaseAccessService.isTeam(grant)) return false;
    const confidant = item.confidantId ?? file.assignedCaseworkerIds[0];
    return confidant === user.sub || grant.standsInFor.includes(confidant);
  }
}
