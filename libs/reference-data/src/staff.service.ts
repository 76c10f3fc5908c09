import { Injectable } from '@nestjs/common';
import { ALL_ROLES, DomainError, ErrorCode, FieldProblem, isRole, Role, ROLE_LABELS } from '@sro/common';
import { AppUser } from './app-user.entity';
import { PlanningRegionRepository } from './planning-region.repository';
import { Team, TEAM_KINDS, TeamKind } from './team.entity';
import { TeamRepository, TeamWithSize } from './team.repository';
import { OpenCase, UserFields, UserListFilter, UserRepository } from './user.repository';

/** What an admin gives for a user (id only at creation). */
export interface UserInput {
  displayName: string;
  email?: string | null;
  roles: string[];
  planningRegionIds?: string[];
  socialSpaceIds?: string[];
  teamId?: string | null;
  organisation?: string | null;
  expertise?: string[];
}

export interface TeamInput {
  name: string;
  kind: TeamKind;
  planningRegionId?: string | null;
  leadId?: string | null;
}

/** A deactivated user with what still names them: nothing is handed over silently. */
export interface Deactivation {
  user: AppUser;
  /** Open cases the user is assigned to; an admin or lead transfers them. */
  openCases: OpenCase[];
  /** Teams the user leads; they keep them as lead until an admin names another. */
  ledTeamIds: string[];
}

const notFoundUser = () => new DomainError(ErrorCode.NotFound, 'Diese Person ist nicht bekannt.');
const notFoundTeam = () => new DomainError(ErrorCode.NotFound, 'Dieses Team ist nicht bekannt.');

/** Staff administration (admins): users with roles, assignments and team; teams with their lead. */
@Injectable()
export class StaffService {
  constructor(
    private readonly users: UserRepository,
    private readonly teams: TeamRepository,
    private readonly regions: PlanningRegionRepository,
  ) {}

  async listUsers(filter: UserListFilter) {
    const { items, total } = await this.users.list(filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  /** Active external advisers, by name; the search also matches organisation and expertise. */
  async activeAdvisers(filter: { search?: string; limit: number; offset: number }) {
    const { items, total } = await this.users.list({ ...filter, role: Role.Adviser, active: true });
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  async getUser(id: string): Promise<AppUser> {
    const user = await this.users.findById(id);
    if (!user) throw notFoundUser();
    return user;
  }

  async createUser(id: string, input: UserInput): Promise<AppUser> {
    const fields = await this.userFields(input, null);
    if (!(await this.users.insert(id, fields, 'admin')))
      throw new DomainError(ErrorCode.Conflict, 'Es gibt bereits einen Zugang mit dieser Kennung.', [
        { pointer: '/id', code: 'duplicate', message: 'Diese Kennung ist bereits vergeben.' },
      ]);
    return this.getUser(id);
  }

  async updateUser(id: string, input: UserInput): Promise<AppUser> {
    const current = await this.getUser(id);
    await this.users.update(id, await this.userFields(input, current));
    return this.getUser(id);
  }

  /**
   * Deactivates a user: the row and everything that names them stay (history, audit, cases); the
   * answer lists the open cases and led teams to hand over, because nothing is reassigned here.
   */
  async deactivate(id: string): Promise<Deactivation> {
    await this.getUser(id);
    await this.users.setActive(id, false);
    const [user, openCases, led] = await Promise.all([this.getUser(id), this.users.openCasesOf(id), this.teams.ledBy(id)]);
    return { user, openCases, ledTeamIds: led.map((t) => t.id) };
  }

  async reactivate(id: string): Promise<AppUser> {
    await this.getUser(id);
    await this.users.setActive(id, true);
    return this.getUser(id);
  }

  async openCasesOf(id: string): Promise<OpenCase[]> {
    await this.getUser(id);
    return this.users.openCasesOf(id);
  }

  async listTeams(filter: { planningRegionId?: string; limit: number; offset: number }) {
    const { items, total } = await this.teams.list(filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  async getTeam(id: string): Promise<TeamWithSize & { memberIds: string[] }> {
    const team = await this.teams.findById(id);
    if (!team) throw notFoundTeam();
    const memberIds = await this.teams.activeMemberIds(id);
    return { ...team, memberCount: await this.teams.memberCount(id), memberIds };
  }

  async createTeam(input: TeamInput): Promise<TeamWithSize & { memberIds: string[] }> {
    const fields = await this.teamFields(input, null);
    return this.getTeam(await this.teams.insert(fields));
  }

  async updateTeam(id: string, input: TeamInput): Promise<TeamWithSize & { memberIds: string[] }> {
    const team = await this.teams.findById(id);
    if (!team) throw notFoundTeam();
    await this.teams.update(id, await this.teamFields(input, team));
    return this.getTeam(id);
  }

  /** Deletes a team without members (a team with members would leave them without a lead silently). */
  async deleteTeam(id: string): Promise<void> {
    if (!(await this.teams.findById(id))) throw notFoundTeam();
    if (!(await this.teams.deleteIfEmpty(id)))
      throw new DomainError(ErrorCode.Conflict, 'Das Team hat noch Mitglieder; ordnen Sie sie zuerst einem anderen Team zu.');
  }

  private async userFields(input: UserInput, current: AppUser | null): Promise<UserFields> {
    const problems: FieldProblem[] = [];
    const roles = [...new Set(input.roles)];
    input.roles.forEach(
      (r, i) =>
        !isRole(r) &&
        problems.push({
          pointer: `/roles/${i}`,
          code: 'enum',
          params: { allowed: [...ALL_ROLES] },
          message: `Die Rolle „${r}“ gibt es nicht.`,
        }),
    );
    const spaceIds = [...new Set(input.socialSpaceIds ?? [])];
    const regionIds = [...new Set(input.planningRegionIds ?? [])];
    const existing = await this.regions.existing(spaceIds, regionIds);
    (input.socialSpaceIds ?? []).forEach(
      (id, i) =>
        !existing.socialSpaceIds.includes(id) &&
        problems.push({ pointer: `/socialSpaceIds/${i}`, code: 'unknown-reference', message: 'Diesen Sozialraum gibt es nicht.' }),
    );
    (input.planningRegionIds ?? []).forEach(
      (id, i) =>
        !existing.planningRegionIds.includes(id) &&
        problems.push({ pointer: `/planningRegionIds/${i}`, code: 'unknown-reference', message: 'Diese Planregion gibt es nicht.' }),
    );
    const teamId = input.teamId ?? null;
    if (teamId && !(await this.teams.findById(teamId)))
      problems.push({ pointer: '/teamId', code: 'unknown-reference', message: 'Dieses Team gibt es nicht.' });
    if (roles.includes(Role.Adviser) && !input.organisation?.trim())
      problems.push({ pointer: '/organisation', code: 'required', message: 'Für externe Beratung ist die Organisation anzugeben.' });
    if (current && current.roles.includes(Role.Lead) && !roles.includes(Role.Lead)) {
      const led = await this.teams.ledBy(current.id);
      if (led.length > 0)
        problems.push({
          pointer: '/roles',
          code: 'role.leads-team',
          message: `Die Rolle ${ROLE_LABELS[Role.Lead]} kann nicht entzogen werden, solange die Person ein Team leitet (${led.map((t) => t.name).join(', ')}).`,
        });
    }
    if (problems.length > 0) throw DomainError.invalid('Die Angaben zur Person sind unvollständig oder fehlerhaft.', problems);
    return {
      displayName: input.displayName.trim(),
      email: input.email?.trim() || null,
      roles: roles as Role[],
      planningRegionIds: regionIds,
      socialSpaceIds: spaceIds,
      teamId,
      organisation: input.organisation?.trim() || null,
      expertise: [...new Set((input.expertise ?? []).map((e) => e.trim()).filter(Boolean))],
    };
  }

  private async teamFields(input: TeamInput, current: Team | null) {
    const problems: FieldProblem[] = [];
    if (!TEAM_KINDS.includes(input.kind))
      problems.push({
        pointer: '/kind',
        code: 'enum',
        params: { allowed: [...TEAM_KINDS] },
        message: 'Art des Teams: asd_team oder regional_team.',
      });
    // An empty choice (a select left at "keine") means none, as null does.
    const regionId = input.planningRegionId || null;
    if (regionId && (await this.regions.existing([], [regionId])).planningRegionIds.length === 0)
      problems.push({ pointer: '/planningRegionId', code: 'unknown-reference', message: 'Diese Planregion gibt es nicht.' });
    const leadId = input.leadId || null;
    if (leadId && (await this.users.activeWithRole([leadId], Role.Lead)).length === 0)
      problems.push({
        pointer: '/leadId',
        code: 'user.role',
        params: { roles: [Role.Lead] },
        message: `Die Leitung muss eine aktive Person mit der Rolle ${ROLE_LABELS[Role.Lead]} sein.`,
      });
    const sameName = await this.teams.findByName(input.name.trim());
    if (sameName && sameName.id !== current?.id)
      problems.push({ pointer: '/name', code: 'duplicate', message: 'Ein Team mit diesem Namen gibt es bereits.' });
    if (problems.length > 0) throw DomainError.invalid('Die Angaben zum Team sind unvollständig oder fehlerhaft.', problems);
    return { name: input.name.trim(), kind: input.kind, planningRegionId: regionId, leadId };
  }
}
