import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A date of the extended Fallteam that consultations are booked into. */
export interface FallteamSession {
  id: string;
  startsAt: Date;
  place: string;
  capacity: number;
  moderatorId: string;
  createdBy: string;
  createdAt: Date;
}

export interface NewFallteamSession {
  startsAt: string;
  place: string;
  capacity: number;
  moderatorId: string;
}

const COLUMNS = `id, starts_at AS "startsAt", place, capacity, moderator_id AS "moderatorId", created_by AS "createdBy", created_at AS "createdAt"`;

/** All SQL of the `fallteam_session` table. */
@Injectable()
export class FallteamSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(session: NewFallteamSession, createdBy: string): Promise<FallteamSession> {
    const [row]: FallteamSession[] = await this.dataSource.query(
      `INSERT INTO fallteam_session (starts_at, place, capacity, moderator_id, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [session.startsAt, session.place, session.capacity, session.moderatorId, createdBy],
    );
    return row;
  }

  /** Sessions from yesterday on, soonest first, with the number of consultations booked into each. */
  async upcoming(page: { limit: number; offset: number }): Promise<Array<FallteamSession & { booked: number }>> {
    return this.dataSource.query(
      `SELECT ${COLUMNS}, (SELECT count(*)::int FROM consultation c WHERE c.session_id = fallteam_session.id) AS booked
         FROM fallteam_session WHERE starts_at > now() - interval '1 day' ORDER BY starts_at LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
  }

  async findById(id: string): Promise<FallteamSession | undefined> {
    const [row]: FallteamSession[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM fallteam_session WHERE id = $1`, [id]);
    return row;
  }

  /**
   * Locks the session for the rest of the transaction, so two bookings cannot both take its last
   * place, and counts the consultations booked into it other than `exceptConsultationId`.
   */
  async lockAndCountBooked(tx: EntityManager, sessionId: string, exceptConsultationId: string): Promise<number> {
    await tx.query('SELECT id FROM fallteam_session WHERE id = $1 FOR UPDATE', [sessionId]);
    const [{ booked }]: Array<{ booked: number }> = await tx.query(
      'SELECT count(*)::int AS booked FROM consultation WHERE session_id = $1 AND id <> $2',
      [sessionId, exceptConsultationId],
    );
    return booked;
  }
}
