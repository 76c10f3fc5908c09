import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A stored note with its text still sealed. */
export interface StoredNote {
  id: string;
  caseId: string;
  kind: string;
  /** `YYYY-MM-DD`: the day of the conversation, call, visit or memo. */
  occurredOn: string;
  authorId: string;
  textEnc: string;
  correctsNoteId: string | null;
  /** Later entries that correct this one, oldest first. */
  correctedByNoteIds: string[];
  createdAt: Date;
}

/** What a new note stores: sealed already. */
export interface NoteInsert {
  id: string;
  caseId: string;
  kind: string;
  occurredOn: string;
  authorId: string;
  textEnc: string;
  correctsNoteId: string | null;
}

const COLUMNS = `n.id, n.case_id AS "caseId", n.kind, to_char(n.occurred_on, 'YYYY-MM-DD') AS "occurredOn", n.author_id AS "authorId",
  n.text_enc AS "textEnc", n.corrects_note_id AS "correctsNoteId", n.created_at AS "createdAt",
  coalesce((SELECT array_agg(c.id ORDER BY c.created_at, c.id) FROM case_note c WHERE c.corrects_note_id = n.id), '{}') AS "correctedByNoteIds"`;

/** All SQL of `case_note`: append-only (the database refuses UPDATE and DELETE). */
@Injectable()
export class NoteRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(note: NoteInsert): Promise<StoredNote> {
    await this.dataSource.query(
      `INSERT INTO case_note (id, case_id, kind, occurred_on, author_id, text_enc, corrects_note_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [note.id, note.caseId, note.kind, note.occurredOn, note.authorId, note.textEnc, note.correctsNoteId],
    );
    return (await this.find(note.caseId, note.id))!;
  }

  /** One note of the case; undefined when the case has no note with this id. */
  async find(caseId: string, id: string): Promise<StoredNote | undefined> {
    const [row]: StoredNote[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM case_note n WHERE n.case_id = $1 AND n.id = $2`, [
      caseId,
      id,
    ]);
    return row;
  }

  /** The case's notes, newest entry first. */
  async pageFor(caseId: string, page: { limit: number; offset: number }): Promise<{ items: StoredNote[]; total: number }> {
    const rows: Array<StoredNote & { total: number }> = await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM case_note n WHERE n.case_id = $1
        ORDER BY n.created_at DESC, n.id DESC LIMIT $2 OFFSET $3`,
      [caseId, page.limit, page.offset],
    );
    return { items: rows.map(({ total: _total, ...note }) => note), total: rows[0]?.total ?? 0 };
  }
}
