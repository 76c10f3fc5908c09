import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { statementsInOneRoundTrip } from '@sro/database';

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

/** What `book` found and did. */
export type Booking =
  | { session: undefined; booked: false; previous: null }
  | { session: FallteamSession; future: boolean; booked: boolean; previous: string | null };

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
   * Books a consultation into a session if the session exists, lies in the future and has room, in
   * one round trip (`statementsInOneRoundTrip`): the session row is locked first, so two bookings
   * cannot both take its last place, and the statement after the lock counts what was committed
   * before it was granted, then moves the consultation (its row locked too) only when the seat is
   * free. Answers the session (none when unknown), whether it was booked, and the session the
   * consultation had before, to give the seat back when the workflow refuses the date.
   */
  async book(consultationId: string, sessionId: string): Promise<Booking> {
    const [sessions, [outcome]] = await statementsInOneRoundTrip(this.dataSource, (literal) => {
      const session = literal(sessionId);
      const consultation = literal(consultationId);
      return [
        `SELECT ${COLUMNS}, starts_at > now() AS future FROM fallteam_session WHERE id = ${session} FOR UPDATE`,
        `WITH seat AS (
           SELECT 1 FROM fallteam_session s
            WHERE s.id = ${session} AND s.starts_at > now()
              AND (SELECT count(*) FROM consultation WHERE session_id = ${session} AND id <> ${consultation}) < s.capacity),
         old AS (SELECT session_id FROM consultation WHERE id = ${consultation} FOR UPDATE),
         moved AS (UPDATE consultation SET session_id = ${session} WHERE id = ${consultation} AND EXISTS (SELECT 1 FROM seat) RETURNING id)
         SELECT EXISTS (SELECT 1 FROM moved) AS booked, (SELECT session_id FROM old) AS previous`,
      ];
    });
    const found = sessions[0] as unknown as (FallteamSession & { future: boolean }) | undefined;
    if (!found) return { session: undefined, booked: false, previous: null };
    const { future, ...session } = found;
    return { session, future, booked: outcome.booked as boolean, previous: outcome.previous as string | null };
  }
}
