import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '@sro/common';
import { AppUser, ProvisionedBy } from './app-user.entity';

/** The fields of a user an admin (or a sign-in) sets. */
export interface UserFields {
  displayName: string;
  email: string | null;
  roles: Role[];
  planningRegionIds: string[];
  socialSpaceIds: string[];
  teamId: string | null;
  organisation: string | null;
  expertise: string[];
}

/** An open case a user is assigned to (ids and pseudonym only). */
export interface OpenCase {
  id: string;
  pseudonym: string;
  kind: 'fallteam' | 'jugendhilfedienst';
  socialSpaceId: string;
  createdAt: Date;
}

/** A caller as a request sees it (`UserRepository.standing`). */
export type UserStanding = Pick<AppUser, 'roles' | 'active' | 'displayName' | 'planningRegionIds' | 'socialSpaceIds'>;

export interface UserListFilter {
  role?: Role;
  teamId?: string;
  active?: boolean;
  /** Part of the id, display name, e-mail, organisation or a field of expertise (case-insensitive). */
  search?: string;
  limit: number;
  offset: number;
}

/** All SQL of the `app_user` table (reminder delivery resolves its recipients inside its own transaction). */
@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A user, active or not. */
  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<AppUser | null> {
    return manager.getRepository(AppUser).findOneBy({ id });
  }

  /**
   * What a request needs to know about its caller: roles, whether they may act, the name and the
   * assignments its access checks use. Plain SQL: it runs on every request, and the entity load cost
   * 0.8 ms of CPU each (CPU profile, bench:tasks).
   */
  async standing(id: string): Promise<UserStanding | null> {
    const rows: UserStanding[] = await this.dataSource.query(
      `SELECT roles, active, display_name AS "displayName", planning_region_ids AS "planningRegionIds",
              social_space_ids AS "socialSpaceIds"
         FROM app_user WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A user who is still active; null for one who left. */
  async findActive(id: string): Promise<AppUser | null> {
    return this.dataSource.getRepository(AppUser).findOneBy({ id, active: true });
  }

  /** Users by the filter, ordered by display name, with the total for paging. */
  async list(filter: UserListFilter): Promise<{ items: AppUser[]; total: number }> {
    const qb = this.dataSource.getRepository(AppUser).createQueryBuilder('u');
    if (filter.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.teamId) qb.andWhere('u.team_id = :teamId', { teamId: filter.teamId });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        `(u.id ILIKE :pattern OR u.display_name ILIKE :pattern OR u.email ILIKE :pattern OR u.organisation ILIKE :pattern
          OR EXISTS (SELECT 1 FROM unnest(u.expertise) e WHERE e ILIKE :pattern))`,
        { pattern },
      );
    }
    const [items, total] = await qb
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Inserts a user; false when the id is taken. */
  async insert(
    id: string,
    fields: UserFields,
    provisionedBy: ProvisionedBy,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO app_user (id, display_name, email, roles, planning_region_ids, social_space_ids, team_id, organisation, expertise, provisioned_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        id,
        fields.displayName,
        fields.email,
        fields.roles,
        fields.planningRegionIds,
        fields.socialSpaceIds,
        fields.teamId,
        fields.organisation,
        fields.expertise,
        provisionedBy,
      ],
    );
    return rows.length === 1;
  }

  /** Replaces the admin-set fields of a user. */
  async update(id: string, fields: UserFields, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE app_user SET display_name = $2, email = $3, roles = $4, planning_region_ids = $5, social_space_ids = $6, team_id = $7,
         organisation = $8, expertise = $9, updated_at = now() WHERE id = $1`,
      [
        id,
        fields.displayName,
        fields.email,
        fields.roles,
        fields.planningRegionIds,
        fields.socialSpaceIds,
        fields.teamId,
        fields.organisation,
        fields.expertise,
      ],
    );
  }

  /** Sets the active flag (the row and everything that names the user stay). */
  async setActive(id: string, active: boolean, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE app_user SET active = $2, deactivated_at = CASE WHEN $2 THEN NULL ELSE now() END, updated_at = now() WHERE id = $1`,
      [id, active],
    );
  }

  /** Locks a user's row for the rest of the transaction. */
  async lock(id: string, manager: EntityManager): Promise<AppUser | null> {
    return manager.getRepository(AppUser).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Of the given ids, those of active users holding the role. */
  async activeWithRole(ids: string[], role: Role): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM app_user WHERE id = ANY($1) AND active AND $2 = ANY(roles)`,
      [ids, role],
    );
    return rows.map((r) => r.id);
  }

  /** Whether any active user holds the role. */
  async anyActiveWithRole(role: Role): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM app_user WHERE active AND $1 = ANY(roles) LIMIT 1`, [role]);
    return rows.length > 0;
  }

  /** The open (not closed, not anonymised) cases the user is assigned to, oldest first. */
  async openCasesOf(userId: string): Promise<OpenCase[]> {
    const rows: Array<{ id: string; pseudonym: string; workflow_id: string | null; social_space_id: string; created_at: Date }> =
      await this.dataSource.query(
        `SELECT id, pseudonym, workflow_id, social_space_id, created_at FROM case_file
          WHERE $1 = ANY(assigned_caseworker_ids) AND closed_at IS NULL AND anonymised_at IS NULL ORDER BY created_at, id`,
        [userId],
      );
    return rows.map((r) => ({
      id: r.id,
      pseudonym: r.pseudonym,
      kind: r.workflow_id ? 'jugendhilfedienst' : 'fallteam',
      socialSpaceId: r.social_space_id,
      createdAt: r.created_at,
    }));
  }
}
