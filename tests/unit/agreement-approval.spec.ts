import type { StageApproval } from '@sro/workflows/contracts';
import {
  buildStages,
  checkAssignments,
  evaluateStage,
  expiryOf,
  includedStages,
  partiesOnTurn,
} from '@sro/workflows/cooperation-agreement/approval';
import { agreementSpec, seedApprovers } from '../factories/agreements';

const stage = (mode: 'parallel' | 'sequential', quorum: number, decisions: Array<'approve' | 'reject' | undefined>): StageApproval => ({
  key: 's',
  title: 'Stufe',
  mode,
  quorum,
  committee: false,
  status: 'active',
  parties: decisions.map((d, i) => ({
    key: `p${i}`,
    title: `Partei ${i}`,
    kind: 'free_provider',
    approverIds: [`u${i}`],
    decision: d && { decision: d, actorId: `u${i}`, at: '2026-01-01T00:00:00.000Z', round: 1, version: 1 },
  })),
});

describe('approval rules of cooperation agreements', () => {
  it('passes a stage at its quorum and rejects it once the quorum is out of reach', () => {
    expect(evaluateStage(stage('parallel', 2, ['approve', undefined, undefined]))).toBe('open');
    expect(evaluateStage(stage('parallel', 2, ['approve', 'approve', undefined]))).toBe('passed');
    expect(evaluateStage(stage('parallel', 2, ['reject', undefined, undefined]))).toBe('open');
    expect(evaluateStage(stage('parallel', 2, ['reject', 'reject', undefined]))).toBe('rejected');
    expect(evaluateStage(stage('parallel', 3, ['approve', 'reject', undefined]))).toBe('rejected');
  });

  it('lets every undecided party decide in a parallel stage, only the next one in a sequential stage', () => {
    expect(partiesOnTurn(stage('parallel', 3, ['approve', undefined, undefined])).map((p) => p.key)).toEqual(['p1', 'p2']);
    expect(partiesOnTurn(stage('sequential', 3, ['approve', undefined, undefined])).map((p) => p.key)).toEqual(['p1']);
    expect(partiesOnTurn({ ...stage('parallel', 1, [undefined]), status: 'pending' })).toEqual([]);
  });

  it('includes the optional committee stage only when a committee decision is required', () => {
    const spec = agreementSpec();
    expect(includedStages(spec, { committeeRequired: false }).map((s) => s.key)).toEqual(['parties']);
    expect(includedStages(spec, { committeeRequired: true }).map((s) => s.key)).toEqual(['parties', 'committee']);
  });

  it('names every missing, unknown and repeated assignment by pointer', () => {
    const spec = agreementSpec();
    expect(checkAssignments(spec, { committeeRequired: true }, seedApprovers(true))).toEqual([]);
    const [municipality, provider] = seedApprovers();
    const problems = checkAssignments(spec, { committeeRequired: false, optionalStages: ['parties', 'nope'] }, [
      municipality,
      municipality,
      { ...provider, approverIds: [] },
      { stageKey: 'committee', partyKey: 'jha', approverIds: ['x'] },
      { stageKey: 'parties', partyKey: 'jha', approverIds: ['x'] },
    ]);
    expect(problems).toEqual([
      {
        pointer: '/optionalStages/0',
        code: 'stage.required',
        params: { stageKey: 'parties' },
        message: 'Die Stufe „Zustimmung der Vertragsparteien“ ist nicht wählbar; sie gehört immer zur Freigabe.',
      },
      {
        pointer: '/optionalStages/1',
        code: 'unknown-stage',
        params: { stageKey: 'nope' },
        message: 'Die Stufe „nope“ gibt es in der Definition nicht.',
      },
      {
        pointer: '/approvers/1',
        code: 'duplicate',
        params: { stageKey: 'parties', partyKey: 'municipality' },
        message: 'Diese Partei dieser Stufe ist doppelt genannt.',
      },
      {
        pointer: '/approvers/2/approverIds',
        code: 'array.min',
        params: { min: 1 },
        message: 'Bitte mindestens eine entscheidende Person benennen.',
      },
      {
        pointer: '/approvers/3/stageKey',
        code: 'stage.not-included',
        params: { stageKey: 'committee' },
        message: 'Die Stufe „Beschluss des Jugendhilfeausschusses“ gehört nicht zu dieser Freigabe.',
      },
      {
        pointer: '/approvers/4/partyKey',
        code: 'unknown-party',
        params: { stageKey: 'parties', partyKey: 'jha' },
        message: 'Die Stufe „Zustimmung der Vertragsparteien“ hat keine Partei „jha“.',
      },
      {
        pointer: '/approvers',
        code: 'approver.missing',
        params: { stageKey: 'parties', partyKey: 'landkreis' },
        message: 'Für „Landkreis“ in der Stufe „Zustimmung der Vertragsparteien“ ist niemand benannt, der entscheidet.',
      },
    ]);
  });

  it('keeps the stages that passed before the rejected one and starts the next', () => {
    const spec = agreementSpec();
    const now = new Date('2026-11-01T00:00:00.000Z');
    const first = buildStages(spec, { committeeRequired: true }, seedApprovers(true), now);
    expect(first.map((s) => s.status)).toEqual(['active', 'pending']);
    expect(first[0].dueAt).toBe('2026-12-01T00:00:00.000Z');
    const rejected = [
      { ...first[0], status: 'passed' as const },
      { ...first[1], status: 'rejected' as const },
    ];
    const again = buildStages(spec, { committeeRequired: true }, seedApprovers(true), now, rejected);
    expect(again.map((s) => [s.key, s.status, !!s.carriedOver])).toEqual([
      ['parties', 'passed', true],
      ['committee', 'active', false],
    ]);
  });

  it('asks only the parties present: a bilateral agreement needs its two approvers, several providers each decide', () => {
    const spec = agreementSpec();
    const bilateral = { committeeRequired: false, partyKinds: ['municipality', 'free_provider'] as const };
    const [municipality, provider, landkreis] = seedApprovers();
    expect(checkAssignments(spec, { ...bilateral, partyKinds: [...bilateral.partyKinds] }, [municipality, provider])).toEqual([]);
    expect(checkAssignments(spec, { ...bilateral, partyKinds: [...bilateral.partyKinds] }, [municipality, provider, landkreis])).toEqual([
      {
        pointer: '/approvers/2/partyKey',
        code: 'party.not-involved',
        params: { stageKey: 'parties', partyKey: 'landkreis' },
        message: '„landkreis“ ist keine Partei dieser Vereinbarung.',
      },
    ]);
    const [stage] = buildStages(spec, { ...bilateral, partyKinds: [...bilateral.partyKinds] }, [municipality, provider], new Date());
    expect(stage).toMatchObject({ key: 'parties', quorum: 2, status: 'active' });
    expect(stage.parties.map((p) => p.key)).toEqual(['municipality', 'provider']);

    // The committee stage is not a party of the agreement: it decides whenever a committee decision is required.
    const withCommittee = { committeeRequired: true, partyKinds: ['free_provider' as const, 'free_provider' as const] };
    const stages = buildStages(
      spec,
      withCommittee,
      [provider, { stageKey: 'parties', partyKey: 'provider-2', approverIds: ['ap-provider-2'] }, seedApprovers(true)[3]],
      new Date(),
    );
    expect(stages.map((s) => [s.key, s.quorum, s.parties.map((p) => p.key)])).toEqual([
      ['parties', 2, ['provider', 'provider-2']],
      ['committee', 1, ['jha']],
    ]);
    expect(checkAssignments(spec, withCommittee, [provider])).toEqual([
      {
        pointer: '/approvers',
        code: 'approver.missing',
        params: { stageKey: 'parties', partyKey: 'provider-2' },
        message: 'Für „Freier Träger (2)“ in der Stufe „Zustimmung der Vertragsparteien“ ist niemand benannt, der entscheidet.',
      },
      {
        pointer: '/approvers',
        code: 'approver.missing',
        params: { stageKey: 'committee', partyKey: 'jha' },
        message: 'Für „Jugendhilfeausschuss“ in der Stufe „Beschluss des Jugendhilfeausschusses“ ist niemand benannt, der entscheidet.',
      },
    ]);
    // Submissions recorded before (no party kinds): every party of the definition decides, as before.
    expect(buildStages(spec, { committeeRequired: false }, seedApprovers(), new Date())[0].parties).toHaveLength(3);
  });

  it('lets an agreement lapse at the start of the day after its last valid day', () => {
    expect(expiryOf('2028-12-31').toISOString()).toBe('2029-01-01T00:00:00.000Z');
  });
});
