import { randomUUID } from 'node:crypto';
import { SEED_SPECS } from '@sro/definitions';
import type { CooperationAgreementSpec, PinnedDefinition } from '@sro/definitions';
import type { ApproverAssignment, CooperationAgreementInput } from '@sro/workflows/contracts';

/** The seed definition (three parties, optional Jugendhilfeausschuss), with changes for a test. */
export function agreementSpec(change: (spec: CooperationAgreementSpec) => void = () => undefined): CooperationAgreementSpec {
  const spec = JSON.parse(JSON.stringify(SEED_SPECS['cooperation-agreement'])) as CooperationAgreementSpec;
  change(spec);
  return spec;
}

export function pinnedAgreementDefinition(spec = agreementSpec(), version = 1): PinnedDefinition<'cooperation-agreement'> {
  return { key: 'cooperation-agreement', version, checksum: `test-${version}`, spec };
}

/** Dates `YYYY-MM-DD` a number of days from an instant. */
export const dayFrom = (nowMs: number, days: number) => new Date(nowMs + days * 86_400_000).toISOString().slice(0, 10);

export function agreementInput(nowMs: number, overrides: Partial<CooperationAgreementInput> = {}): CooperationAgreementInput {
  return {
    agreementId: randomUUID(),
    reference: 'KV-TEST01',
    planningRegionId: randomUUID(),
    coordinatorId: 'demo-coordinator',
    definition: pinnedAgreementDefinition(),
    // Valid from today: in force once approved (a later validFrom waits as `approved`).
    firstVersion: { version: 1, validFrom: dayFrom(nowMs, 0), validUntil: dayFrom(nowMs, 30 + 3 * 365) },
    ...overrides,
  };
}

/** One approver per party of the seed's stages: `ap-municipality`, `ap-provider`, `ap-landkreis`, `ap-jha`. */
export function seedApprovers(withCommittee = false): ApproverAssignment[] {
  const parties = [
    { stageKey: 'parties', partyKey: 'municipality', approverIds: ['ap-municipality'] },
    { stageKey: 'parties', partyKey: 'provider', approverIds: ['ap-provider'] },
    { stageKey: 'parties', partyKey: 'landkreis', approverIds: ['ap-landkreis'] },
  ];
  return withCommittee ? [...parties, { stageKey: 'committee', partyKey: 'jha', approverIds: ['ap-jha'] }] : parties;
}
