import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { CaseInputRules } from './case-input.rules';
import { CaseFile, CaseRepository, CaseRow, toCaseFile } from './case.repository';
import { CaseContent, CaseZone, ConfidedItem, NewConsent, PersonalData, RELEASABLE_FIELDS, ReleasableField } from './case.types';
import { Consent, ConsentRepository } from './consent.repository';
import { FieldCipher } from './field-cipher';

export interface NewCase {
  socialSpaceId: string;
  zone: CaseZone;
  personal: PersonalData;
  content: CaseContent;
  confided: Array<{ text: string }>;
  deletionDate?: string;
}

/** A case in the caseworker's list: the family name is the only personal datum opened. */
export interface CaseSummary {
  id: string;
  pseudonym: string;
  zone: CaseZone | null;
  socialSpaceId: string;
  familyName: string;
  createdAt: Date;
}

/** The whole case file, opened for a caseworker who may see it. */
export interface CaseDetails extends CaseContent {
  id: string;
  pseudonym: string;
  zone: CaseZone | null;
  socialSpaceId: string;
  assignedCaseworkerIds: string[];
  deletionDate: Date | null;
  legalHold: boolean;
  personal: PersonalData;
  confided: ConfidedItem[];
  createdAt: Date;
}

const PSEUDONYM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DEFAULT_RETENTION_MS = 5 * 365 * 86_400_000;

/** A pseudonym with no link to the person: `F-2026-7KQ3MX`. */
export function newPseudonym(): string {
  const bytes = randomBytes(6);
  return `F-${new Date().getUTCFullYear()}-${[...bytes].map((b) => PSEUDONYM_ALPHABET[b % PSEUDONYM_ALPHABET.length]).join('')}`;
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
  ) {}

  async create(user: Principal, input: NewCase): Promise<CaseDetails> {
    const scope = await this.assignments.of(user.sub);
    if (!scope.socialSpaceIds.includes(input.socialSpaceId)) {
      throw DomainError.invalid('You are not assigned to this social space', [
        { pointer: '/socialSpaceId', message: 'not one of your social spaces' },
      ]);
    }
    this.inputRules.checkNewCase(input.personal);
    const id = randomUUID();
    const confided: ConfidedItem[] = input.confided.map((c) => ({ id: randomUUID(), text: c.text }));
    await this.caseFiles.insert({
      id,
      pseudonym: newPseudonym(),
      zone: input.zone,
      socialSpaceId: input.socialSpaceId,
      caseworkerId: user.sub,
      personalEnc: this.cipher.seal(input.personal),
      contentEnc: this.cipher.seal(input.content),
      confidedEnc: this.cipher.seal(confided),
      deletionDate: input.deletionDate ?? new Date(Date.now() + DEFAULT_RETENTION_MS).toISOString().slice(0, 10),
    });
    return this.get(user, id);
  }

  /** The caller's cases: assigned to them or in their social spaces. */
  async list(
    user: Principal,
    page: { limit: number; offset: number },
  ): Promise<{ items: CaseSummary[]; total: number; limit: number; offset: number }> {
    const scope = await this.assignments.of(user.sub);
    const { items, total } = await this.caseFiles.pageFor(user.sub, scope.socialSpaceIds, page);
    return {
      items: items.map((c) => ({
        id: c.id,
        pseudonym: c.pseudonym,
        zone: c.zone,
        socialSpaceId: c.socialSpaceId,
        familyName: this.cipher.open<PersonalData>(c.personalEnc).familyName,
        createdAt: c.createdAt,
      })),
      total,
      ...page,
    };
  }

  /** The full case for a caseworker who may see it. */
  async get(user: Principal, id: string): Promise<CaseDetails> {
    const file = await this.visibleCase(user, id);
    return {
      id: file.id,
      pseudonym: file.pseudonym,
      zone: file.zone,
      socialSpaceId: file.socialSpaceId,
      assignedCaseworkerIds: file.assignedCaseworkerIds,
      deletionDate: file.deletionDate,
      legalHold: file.legalHold,
      personal: this.cipher.open<PersonalData>(file.personalEnc),
      ...this.cipher.open<CaseContent>(file.contentEnc),
      confided: this.cipher.open<ConfidedItem[]>(file.confidedEnc),
      createdAt: file.createdAt,
    };
  }

  async addConsent(user: Principal, caseId: string, consent: NewConsent): Promise<Consent> {
    await this.visibleCase(user, caseId);
    await this.inputRules.checkConsent(consent);
    const unknown = consent.fields.map((f, i) => ({ f, i })).filter(({ f }) => !(RELEASABLE_FIELDS as readonly string[]).includes(f));
    if (unknown.length > 0) {
      throw DomainError.invalid(
        'The consent names fields that do not exist',
        unknown.map(({ f, i }) => ({
          pointer: `/fields/${i}`,
          message: `unknown field ${f}; releasable: ${RELEASABLE_FIELDS.join(', ')}`,
        })),
      );
    }
    return this.consentRecords.add(caseId, consent, user.sub);
  }

  async revokeConsent(user: Principal, caseId: string, consentId: string): Promise<Consent> {
    await this.visibleCase(user, caseId);
    const revoked = await this.consentRecords.revoke(caseId, consentId);
    if (!revoked) throw new DomainError(ErrorCode.Conflict, 'No active consent with this id');
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

  /** Caseworkers see their own cases and those of their social spaces; for anyone else a case does not exist. */
  async visibleCase(user: Principal, id: string): Promise<CaseFile> {
    const file = await this.caseFiles.findById(id);
    if (!file || !(await this.maySee(user, file))) throw DomainError.notFound('Case');
    return file;
  }

  /**
   * The same check, answering the stored row with every column.
   * @deprecated For the Jugendhilfedienst lib until it reads its case through its own repository; use `visibleCase`.
   */
  async visible(user: Principal, id: string): Promise<CaseRow> {
    const row = await this.caseFiles.findRow(id);
    if (!row || !(await this.maySee(user, toCaseFile(row)))) throw DomainError.notFound('Case');
    return row;
  }

  private async maySee(user: Principal, file: CaseFile): Promise<boolean> {
    if (file.anonymisedAt || !user.roles.includes(Role.Caseworker)) return false;
    if (file.assignedCaseworkerIds.includes(user.sub)) return true;
    const scope = await this.assignments.of(user.sub);
    return scope.socialSpaceIds.includes(file.socialSpaceId);
  }
}
