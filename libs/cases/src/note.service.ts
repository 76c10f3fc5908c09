import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, germanDate, Principal } from '@sro/common';
import { caseClosedError } from './case-access.service';
import { todayInBerlin } from './case-input.rules';
import { CaseService } from './case.service';
import { FieldCipher } from './field-cipher';
import { NoteRepository, StoredNote } from './note.repository';

/** Kinds of a note (Aktenvermerk) with the labels a user reads. */
export const NOTE_KIND_LABELS = {
  conversation: 'Gespräch',
  phone_call: 'Telefonat',
  home_visit: 'Hausbesuch',
  memo: 'Vermerk',
} as const;
export const NOTE_KINDS = Object.keys(NOTE_KIND_LABELS) as Array<keyof typeof NOTE_KIND_LABELS>;
export type NoteKind = keyof typeof NOTE_KIND_LABELS;

/** A note as a caseworker writes it; a correction names the note it corrects. */
export interface NewNote {
  kind: NoteKind;
  /** `YYYY-MM-DD`; today (Europe/Berlin) when not given. */
  occurredOn?: string;
  text: string;
  correctsNoteId?: string;
}

/** A note opened for someone who may read the case. */
export interface CaseNote {
  id: string;
  caseId: string;
  kind: NoteKind;
  kindLabel: string;
  occurredOn: string;
  authorId: string;
  text: string;
  correctsNoteId: string | null;
  correctedByNoteIds: string[];
  createdAt: Date;
}

/**
 * Notes of a case file (Aktenvermerke): append-only, the text sealed; a mistake is answered by a
 * correction entry, never by an edit. Whoever may read the case reads and writes its notes: the
 * case's own access rule (`CaseService.visibleCase`) decides; on a closed case only the lead writes.
 */
@Injectable()
export class NoteService {
  constructor(
    private readonly notes: NoteRepository,
    private readonly cases: CaseService,
    private readonly cipher: FieldCipher,
  ) {}

  async add(user: Principal, caseId: string, input: NewNote): Promise<CaseNote> {
    const { file, grant } = await this.cases.open(user, caseId, 'read');
    // A closed case is read-only; only its lead still adds notes (e.g. why it was closed as it was).
    if (file.closedAt && grant.kind !== 'lead') throw caseClosedError();
    const occurredOn = input.occurredOn ?? todayInBerlin();
    if (occurredOn > todayInBerlin())
      throw DomainError.invalid('Der Vermerk ist in die Zukunft datiert.', [
        {
          pointer: '/occurredOn',
          code: 'date.future',
          params: { max: todayInBerlin() },
          message: `Das Datum ${germanDate(occurredOn)} liegt in der Zukunft.`,
        },
      ]);
    if (input.correctsNoteId && !(await this.notes.find(caseId, input.correctsNoteId)))
      throw DomainError.invalid('Der berichtigte Vermerk gehört nicht zu dieser Akte.', [
        { pointer: '/correctsNoteId', code: 'unknown-reference', message: 'Diese Akte hat keinen Vermerk mit dieser Kennung.' },
      ]);
    const id = randomUUID();
    const stored = await this.notes.insert({
      id,
      caseId,
      kind: input.kind,
      occurredOn,
      authorId: user.sub,
      textEnc: this.cipher.seal(input.text, { table: 'case_note', column: 'text_enc', rowId: id }),
      correctsNoteId: input.correctsNoteId ?? null,
    });
    return this.open(stored);
  }

  async list(
    user: Principal,
    caseId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: CaseNote[]; total: number; limit: number; offset: number }> {
    await this.cases.visibleCase(user, caseId);
    const { items, total } = await this.notes.pageFor(caseId, page);
    return { items: items.map((n) => this.open(n)), total, ...page };
  }

  private open(note: StoredNote): CaseNote {
    const kind = note.kind as NoteKind;
    const { textEnc, ...rest } = note;
    return {
      ...rest,
      kind,
      kindLabel: NOTE_KIND_LABELS[kind],
      text: this.cipher.open<string>(textEnc, { table: 'case_note', column: 'text_enc', rowId: note.id }),
    };
  }
}
