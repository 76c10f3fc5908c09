import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Team, TeamKind } from './team.entity';

export interface TeamFields {
  name: string;
  kind: TeamKind;
  planningRegionId: string | null;
  leadId: string | null;
}

/** A team with how many users belong to it. */
export interface TeamWithSize extends Team {
  memberCount: number;
}

/** All SQL of the `team` table and of team membership. */
@Injectable()
export class TeamRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Team | null> {
    return manager.getRepository(Team).findOneBy({ id });
  }

  async findByName(name: string): Promise<Team | null> {
    return this.dataSource.getRepository(Team).findOneBy({ name });
  }

  /** Teams by name, with their member count and the total for paging. */
  async list(filter: { planningRegionId?: string; limit: number; offset: number }): Promise<{ items: TeamWithSize[]; total: number }> {
    const region = filter.planningRegionId ?? null;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT t.id, t.name, t.kind, t.planning_region_id, t.lead_id, t.created_at, t.updated_at,
              (SELECT count(*) FROM app_user u WHERE u.team_id = t.id)::int AS member_count
         FROM team t WHERE ($3::uuid IS NULL OR t.planning_region_id = $3) ORDER BY t.name LIMIT $1 OFFSET $2`,
      [filter.limit, filter.offset, region],
    );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM team t WHERE ($1::uuid IS NULL OR t.planning_region_id = $1)`,
      [region],
    );
    return {
      total,
      items: rows.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        kind: r.kind as TeamKind,
        planningRegionId: (r.planning_region_id as string | null) ?? null,
        leadId: (r.lead_id as string | null) ?? null,
        createdAt: r.created_at as Date,
        updatedAt: r.updated_at as Date,
        memberCount: r.member_count as number,
      })),
    };
  }

  async insert(fields: TeamFields, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO team (name, kind, planning_region_id, lead_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [fields.name, fields.kind, fields.planningRegionId, fields.leadId],
    );
    return id;
  }

  async update(id: string, fields: TeamFields, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE team SET name = $2, kind = $3, planning_region_id = $4, lead_id = $5, updated_at = now() WHERE id = $1`, [
      id,
      fields.name,
      fields.kind,
      fields.planningRegionId,
      fields.leadId,
    ]);
  }

  /** Deletes a team that has no members; false when it still has some (or does not exist). */
  async deleteIfEmpty(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    // A DELETE through TypeORM's PostgreSQL driver answers [rows, affected].
    const [, affected]: [unknown, number] = await manager.query(
      `DELETE FROM team t WHERE t.id = $1 AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.team_id = t.id)`,
      [id],
    );
    return affected === 1;
  }

  async memberCount(id: string): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM app_user WHERE team_id = $1`, [id]);
    return count;
  }

  /** The teams a user leads (by `team.lead_id`). */
  async ledBy(userId: string): Promise<Team[]> {
    return this.dataSource.getRepository(Team).find({ where: { leadId: userId }, order: { name: 'ASC' } });
  }

  /**
   * The active lead(s) of the user's team: the team's lead when they are active and hold the
   * `lead` role. Empty when the user has no team or the team has no active lead (callers fall back,
   * e.g. escalations to the planning region's leads or to admins).
   */
  async leadIdsOfUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT l.id FROM app_user u JOIN team t ON t.id = u.team_id JOIN app_user l ON l.id = t.lead_id
        WHERE u.id = $1 AND l.active AND 'lead' = ANY(l.roles)`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** Ids of the active members of a team (the lead included when they are a member). */
  async activeMemberIds(teamId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM app_user WHERE team_id = $1 AND active ORDER BY id`, [teamId]);
    return rows.map((r) => r.id);
  }

  /** Whether both users are in the same team. */
  async sameTeam(userA: string, userB: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM app_user a JOIN app_user b ON a.team_id = b.team_id WHERE a.id = $1 AND b.id = $2`,
      [userA, userB],
    );
    return rows.length > 0;
  }
}
