import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, FieldProblem, Principal, Role } from '@sro/common';
import { buildReport, InterviewCycleRepository, InterviewReport } from '@sro/interviews';
import { AssignmentsService } from '@sro/reference-data';
import { BudgetService, BudgetView } from '@sro/sozialraum';
import { invalidInput } from './gremien.errors';
import { ProviderNetwork } from './gremien.types';
import { ProviderNetworkRepository } from './provider-network.repository';

const WHAT = 'Der Trägerverbund';

export interface ProviderNetworkInput {
  name: string;
  socialSpaceId: string;
  leadPartnerId: string;
  memberPartnerIds: string[];
  agreementId?: string | null;
}

/** The interview report of a cycle over the network's members only, and each member's interview. */
export interface ProviderNetworkInterviews {
  cycleId: string | null;
  report: InterviewReport | null;
  members: Array<{ partnerId: string; name: string; status: string | null; plannedAt: Date | null; answeredAt: Date | null }>;
}

/**
 * Trägerverbünde (seed 002): contract partners of one social space working together, with a lead
 * partner and a cooperation agreement. The coordination of the region edits; coordination, leads and
 * the space's caseworkers read, with the interviews and the budget of the space seen per network.
 */
@Injectable()
export class ProviderNetworkService {
  constructor(
    private readonly networks: ProviderNetworkRepository,
    private readonly assignments: AssignmentsService,
    private readonly cycles: InterviewCycleRepository,
    private readonly budgets: BudgetService,
  ) {}

  async list(user: Principal, socialSpaceId?: string): Promise<{ items: ProviderNetwork[] }> {
    const a = await this.assignments.of(user);
    const regionWide = user.roles.includes(Role.Coordinator) || user.roles.includes(Role.Lead);
    return {
      items: await this.networks.list(
        {
          planningRegionIds: regionWide ? a.planningRegionIds : [],
          socialSpaceIds: user.roles.includes(Role.Caseworker) ? a.socialSpaceIds : [],
        },
        socialSpaceId,
      ),
    };
  }

  async get(user: Principal, id: string): Promise<ProviderNetwork> {
    const network = await this.networks.find(id);
    if (!network || !(await this.canRead(user, network))) throw DomainError.notFound(WHAT);
    return network;
  }

  async create(user: Principal, input: ProviderNetworkInput): Promise<ProviderNetwork> {
    const id = randomUUID();
    await this.save(user, id, input, true);
    return this.get(user, id);
  }

  async update(user: Principal, id: string, input: ProviderNetworkInput): Promise<ProviderNetwork> {
    const current = await this.get(user, id);
    await this.assertEditor(user, current.planningRegionId);
    await this.save(user, id, input, false);
    return this.get(user, id);
  }

  /** The interview report of a cycle (by default the latest) restricted to the network's members. */
  async interviews(user: Principal, id: string, cycleId?: string): Promise<ProviderNetworkInterviews> {
    const network = await this.get(user, id);
    const cycle = cycleId ?? (await this.networks.latestCycleId());
    const names = new Map(network.members.map((m) => [m.id, m.name]));
    const ids = [...names.keys()];
    if (!cycle)
      return {
        cycleId: null,
        report: null,
        members: ids.map((p) => ({ partnerId: p, name: names.get(p)!, status: null, plannedAt: null, answeredAt: null })),
      };
    const reportCycle = await this.cycles.reportCycle(cycle);
    if (!reportCycle) throw DomainError.notFound('Der Interviewzyklus');
    const previous = await this.cycles.previousReportCycle(reportCycle.number);
    const report = buildReport(
      reportCycle,
      await this.networks.reportInterviews(cycle, ids),
      previous ? { cycle: previous, interviews: await this.networks.reportInterviews(previous.id, ids) } : undefined,
    );
    const byPartner = new Map((await this.networks.memberInterviews(cycle, ids)).map((i) => [i.partnerId, i]));
    return {
      cycleId: cycle,
      report,
      members: ids.map((p) => ({
        partnerId: p,
        name: names.get(p)!,
        status: byPartner.get(p)?.status ?? null,
        plannedAt: byPartner.get(p)?.plannedAt ?? null,
        answeredAt: byPartner.get(p)?.answeredAt ?? null,
      })),
    };
  }

  /** The year's Sozialraumbudget of the network's social space (allocations and spending), as the budget route shows it. */
  async budget(user: Principal, id: string, year: number): Promise<BudgetView> {
    const network = await this.get(user, id);
    return this.budgets.get(user, network.socialSpaceId, year);
  }

  private async save(user: Principal, id: string, input: ProviderNetworkInput, isNew: boolean): Promise<void> {
    const problems: FieldProblem[] = [];
    const space = await this.networks.socialSpace(input.socialSpaceId);
    if (!space)
      throw invalidInput('Der Trägerverbund kann so nicht gespeichert werden.', [
        { pointer: '/socialSpaceId', code: 'unknown-reference', message: 'Diesen Sozialraum gibt es nicht.' },
      ]);
    await this.assertEditor(user, space.planningRegionId);
    const members = [...new Set(input.memberPartnerIds)];
    const inSpace = await this.networks.partnersOfSpace(space.id, [...members, input.leadPartnerId]);
    input.memberPartnerIds.forEach((p, i) => {
      if (!inSpace.has(p))
        problems.push({
          pointer: `/memberPartnerIds/${i}`,
          code: 'not-in-social-space',
          message: 'Dieser Vertragspartner ist nicht im Sozialraum des Verbunds tätig (oder unbekannt).',
        });
    });
    if (!members.includes(input.leadPartnerId))
      problems.push({
        pointer: '/leadPartnerId',
        code: 'lead-not-member',
        message: 'Der federführende Träger muss Mitglied des Verbunds sein.',
      });
    if (input.agreementId && !(await this.networks.agreementExists(input.agreementId)))
      problems.push({ pointer: '/agreementId', code: 'unknown-reference', message: 'Diese Kooperationsvereinbarung gibt es nicht.' });
    if (problems.length > 0) throw invalidInput('Der Trägerverbund kann so nicht gespeichert werden.', problems);
    await this.networks.save(
      {
        id,
        name: input.name.trim(),
        socialSpaceId: space.id,
        leadPartnerId: input.leadPartnerId,
        memberIds: members,
        agreementId: input.agreementId ?? null,
        by: user.sub,
      },
      isNew,
    );
  }

  private async canRead(user: Principal, n: ProviderNetwork): Promise<boolean> {
    const a = await this.assignments.of(user);
    if ((user.roles.includes(Role.Coordinator) || user.roles.includes(Role.Lead)) && a.planningRegionIds.includes(n.planningRegionId))
      return true;
    return user.roles.includes(Role.Caseworker) && a.socialSpaceIds.includes(n.socialSpaceId);
  }

  private async assertEditor(user: Principal, planningRegionId: string): Promise<void> {
    if (!user.roles.includes(Role.Coordinator) || !(await this.assignments.of(user)).planningRegionIds.includes(planningRegionId))
      throw new DomainError(ErrorCode.Forbidden, 'Trägerverbünde pflegt die Koordination der Planregion des Sozialraums.');
  }
}
