import { randomUUID } from 'node:crypto';
import { SEED_SPECS } from '@sro/definitions';
import type { PinnedDefinition } from '@sro/definitions';
import type { SozialraumDevelopmentInput } from '@sro/workflows/contracts';

export function pinnedSozialraumDefinition(
  version = 1,
  spec = SEED_SPECS['sozialraum-development'],
): PinnedDefinition<'sozialraum-development'> {
  return { key: 'sozialraum-development', version, checksum: `test-${version}`, spec };
}

export function sozialraumInput(overrides: Partial<SozialraumDevelopmentInput> = {}): SozialraumDevelopmentInput {
  return {
    processId: randomUUID(),
    socialSpaceId: randomUUID(),
    planningRegionId: randomUUID(),
    title: 'Sozialraum Teltow',
    coordinatorId: 'demo-coordinator',
    definition: pinnedSozialraumDefinition(),
    ...overrides,
  };
}

/** A valid value for every phase's deliverable, in phase order. */
export function validDeliverables(municipalityId: string = randomUUID(), ownerId: string = randomUUID()) {
  const questions = SEED_SPECS['sozialraum-development'].analysisQuestions;
  return [
    {
      phaseKey: 'identify',
      deliverableKey: 'boundaries',
      value: { description: 'Stadtgebiet Teltow mit Ruhlsdorf und Seehof', municipalityIds: [municipalityId] },
    },
    {
      phaseKey: 'analyse',
      deliverableKey: 'analysis',
      value: { profileYear: 2026, answers: questions.map((q) => ({ questionKey: q.key, answer: `Antwort zu ${q.key}` })) },
    },
    {
      phaseKey: 'visions',
      deliverableKey: 'events',
      value: [{ kind: 'gruendungsveranstaltung', date: '2026-03-12', participants: 42, ageGroups: ['12-17', '27-64'] }],
    },
    {
      phaseKey: 'goals',
      deliverableKey: 'goals',
      value: [
        {
          key: 'treffpunkt',
          title: 'Offener Treffpunkt für Jugendliche',
          rank: 1,
          perspective: 'children_youth',
          indicator: 'Besuche pro Woche',
        },
        { key: 'elterncafe', title: 'Elterncafé im Familienzentrum', rank: 2, perspective: 'parents', indicator: 'Teilnehmende Eltern' },
      ],
    },
    {
      phaseKey: 'measures',
      deliverableKey: 'measures',
      value: [
        {
          key: 'jugendraum',
          title: 'Jugendraum einrichten',
          goalKey: 'treffpunkt',
          ownerId,
          start: '2026-06-01',
          end: '2026-12-31',
          budgetCents: 150_000,
        },
      ],
    },
    {
      phaseKey: 'implementation',
      deliverableKey: 'monitoring',
      value: { measures: [{ measureKey: 'jugendraum', status: 'running' }], conferences: [] },
    },
  ];
}
