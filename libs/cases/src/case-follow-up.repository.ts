import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldCipher } from './field-cipher';

/** A caseworker's own follow-up on a case; the text is null once the case was anonymised. */
export interface CaseFollowUp {
  id: string;
  caseId: string;
  userId: string;
  /** `YYYY-MM-DD`. */
  dueOn: string;
  text: string | null;
  createdAt: Date;
  doneAt: Date | null;
  doneBy: string | null;
}

interface FollowUpRow {
  id: string;
  case_id: string;
  user_id: string;
  due_on: string;
  text_enc: string | null;
  created_at: Date;
  done_at: Date | null;
  done_by: string | null;
}

const COLUMNS = `id, case_id, user_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, text_enc, created_at, done_at, done_by`;

/** All SQL of `case_follow_up`; the text is sealed and opened here. */
@Injectable()
export class CaseFollowUpRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  async insert(f: { id: string; caseId: string; userId: string; dueOn: string; text: string }): Promise<CaseFollowUp> {
    const [row]: FollowUpRow[] = await this.dataSource.query(
      `INSERT INTO case_follow_up (id, case_id, user_id, due_on, text_enc) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [f.id, f.caseId, f.userId, f.dueOn, this.cipher.seal(f.text, { table: 'case_follow_up', column: 'text_enc', rowId: f.id })],
    );
    return this.toFollowUp(row);
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM case_follow_up WHERE id = $1', [id]);
  }

  /** The follow-ups of a case: open ones by date first, then those done. */
  async ofCase(caseId: string): Promise<CaseFollowUp[]> {
    const rows: FollowUpRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM case_follow_up WHERE case_id = $1 ORDER BY done_at IS NOT NULL, due_on, created_at, id`,
      [caseId],
    );
    return rows.map((r) => this.toFollowUp(r));
  }

  async find(caseId: string, id: string): Promise<CaseFollowUp | undefined> {
    const [row]: FollowUpRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM case_follow_up WHERE case_id = $1 AND id = $2`, [
      caseId,
      id,
    ]);
    return row ? this.toFollowUp(row) : undefined;
  }

  /** Marks an open follow-up done; undefined when it was done already. */
  async markDone(id: string, by: string): Promise<CaseFollowUp | undefined> {
    const [row]: FollowUpRow[] = await this.dataSource.query(
      `WITH done AS (UPDATE case_follow_up SET done_at = now(), done_by = $2 WHERE id = $1 AND done_at IS NULL RETURNING *)
       SELECT ${COLUMNS} FROM done`,
      [id, by],
    );
    return row ? this.toFollowUp(row) : undefined;
  }

  /** Moves an open follow-up to another date; undefined when it was done meanwhile. */
  async moveDue(id: string, dueOn: string): Promise<CaseFollowUp | undefined> {
    const [row]: FollowUpRow[] = await this.dataSource.query(
      `WITH moved AS (UPDATE case_follow_up SET due_on = $2 WHERE id = $1 AND done_at IS NULL RETURNING *)
       SELECT ${COLUMNS} FROM moved`,
      [id, dueOn],
    );
    return row ? this.toFollowUp(row) : undefined;
  }

  private toFollowUp(r: FollowUpRow): CaseFollowUp {
    return {
      id: r.id,
      caseId: r.case_id,
      userId: r.user_id,
      dueOn: r.due_on,
      text: r.text_enc ? this.cipher.open<string>(r.text_enc, { table: 'case_follow_up', column: 'text_enc', rowId: r.id }) : null,
      createdAt: r.created_at,
      doneAt: r.done_at,
      doneBy: r.done_by,
    };
  }
}
