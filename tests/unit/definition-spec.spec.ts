import { DEFINITION_KEYS, SEED_SPECS, validateSpec } from '@sro/definitions';
import { addDuration, compareDurations, parseDuration } from '@sro/workflows/shared/duration';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('ISO-8601 durations', () => {
  it('parses whole-number durations and rejects the rest', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).toEqual({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 });
    for (const bad of ['P', 'PT', '30D', 'P-3D', 'P1.5D', 'P3DT', '', 42]) expect(parseDuration(bad)).toBeUndefined();
  });

  it('adds months by the calendar and clamps to the end of the month', () => {
    expect(addDuration(new Date('2026-01-31T10:00:00Z'), 'P1M').toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addDuration(new Date('2026-05-15T00:00:00Z'), 'P6M').toISOString()).toBe('2026-11-15T00:00:00.000Z');
    expect(addDuration(new Date('2026-05-15T00:00:00Z'), 'P1DT12H').toISOString()).toBe('2026-05-16T12:00:00.000Z');
    expect(addDuration(new Date('2026-05-15T00:00:00Z'), 'P14D', -1).toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('compares durations of different units', () => {
    expect(compareDurations('P1M', 'P27D')).toBeGreaterThan(0);
    expect(compareDurations('P2W', 'P14D')).toBe(0);
    expect(compareDurations('PT12H', 'P1D')).toBeLessThan(0);
  });
});

describe('definition specs', () => {
  it.each(DEFINITION_KEYS)('seed version 1 of %s is valid', (key) => {
    expect(validateSpec(key, SEED_SPECS[key])).toEqual([]);
  });

  it('requires the Jugendhilfedienst step of immediate protection after an acute § 8a result, with a short deadline', () => {
    const spec = clone(SEED_SPECS['jugendhilfedienst-case']);
    const at = spec.steps.findIndex((s) => s.key === 'immediate_protection');
    expect(spec.steps[at - 1].key).toBe('risk_assessment');
    expect(validateSpec('jugendhilfedienst-case', { ...spec, steps: spec.steps.filter((s) => s.key !== 'immediate_protection') })).toEqual([
      {
        pointer: '/steps',
        code: 'step.missing',
        params: { stepKey: 'immediate_protection' },
        message: 'Es fehlt der Schritt immediate_protection (Sofortschutz nach einem akuten § 8a-Ergebnis).',
      },
    ]);
    spec.steps[at] = { ...spec.steps[at], duration: 'P1W', reminderOffsets: [] };
    expect(validateSpec('jugendhilfedienst-case', spec)).toEqual([
      {
        pointer: `/steps/${at}/duration`,
        code: 'duration.max',
        params: { max: 'P3D' },
        message: 'Der Sofortschutz muss innerhalb von 3 Tagen fällig sein.',
      },
    ]);
  });

  it('reports every problem of a bad spec at once, with pointers', () => {
    const spec = clone(SEED_SPECS['sozialraum-development']) as unknown as Record<string, any>;
    spec.phases[1].key = spec.phases[0].key; // duplicate key
    spec.phases[2].duration = '-P3D'; // unparseable
    spec.phases[3].duration = 'P0D'; // not positive
    spec.phases[4].reminderOffsets = ['P3M']; // longer than P2M
    spec.phases[5].escalationRole = 'mayor'; // unknown role
    spec.phases[0].deliverables[0].type = 'video';
    spec.colour = 'blue';
    const pointers = validateSpec('sozialraum-development', spec).map((p) => p.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/phases/1/key',
        '/phases/2/duration',
        '/phases/3/duration',
        '/phases/4/reminderOffsets/0',
        '/phases/5/escalationRole',
        '/phases/0/deliverables/0/type',
        '/colour',
      ]),
    );
  });

  it('rejects a quorum larger than its parties and a question without a type', () => {
    const agreement = clone(SEED_SPECS['cooperation-agreement']) as unknown as Record<string, any>;
    agreement.approvalStages[0].quorum = 4;
    expect(validateSpec('cooperation-agreement', agreement)).toEqual([
      {
        pointer: '/approvalStages/0/quorum',
        code: 'number.max',
        params: { max: 3 },
        message: 'Das Quorum 4 ist größer als die 3 Parteien der Stufe.',
      },
    ]);
    const cycle = clone(SEED_SPECS['partner-interview-cycle']) as unknown as Record<string, any>;
    delete cycle.questionnaire.sections[0].questions[0].type;
    expect(validateSpec('partner-interview-cycle', cycle).map((p) => p.pointer)).toEqual(['/questionnaire/sections/0/questions/0/type']);
  });

  it('checks the Fallteam consent purposes: keys, no duplicates, fallteam among them', () => {
    const spec = clone(SEED_SPECS['fallteam-consultation']) as unknown as Record<string, unknown>;
    spec.consentPurposes = ['Fallteam', 'help-planning', 'help-planning'];
    expect(validateSpec('fallteam-consultation', spec)).toEqual([
      { pointer: '/consentPurposes/0', code: 'format.key', message: expect.stringContaining('Kleinbuchstaben') },
      {
        pointer: '/consentPurposes/2',
        code: 'duplicate',
        params: { value: 'help-planning' },
        message: 'Der Zweck "help-planning" kommt doppelt vor.',
      },
      {
        pointer: '/consentPurposes',
        code: 'required-value',
        params: { value: 'fallteam' },
        message: expect.stringContaining('Der Zweck „fallteam“ muss enthalten sein'),
      },
    ]);
    delete spec.consentPurposes;
    expect(validateSpec('fallteam-consultation', spec)).toEqual([
      { pointer: '/consentPurposes', code: 'type.array', message: 'Hier wird eine Liste erwartet.' },
    ]);
  });

  it('checks the Fallteam retention rule: durations, and without help not longer than with help', () => {
    const spec = clone(SEED_SPECS['fallteam-consultation']) as unknown as Record<string, unknown>;
    spec.retentionAfterClosureWithoutHelp = 'P6Y';
    expect(validateSpec('fallteam-consultation', spec)).toEqual([
      {
        pointer: '/retentionAfterClosureWithoutHelp',
        code: 'duration.max',
        params: { max: 'P5Y' },
        message: 'Die Aufbewahrung ohne Hilfe darf nicht länger sein als retentionAfterClosure.',
      },
    ]);
    spec.retentionAfterClosure = 'five years';
    delete spec.retentionAfterClosureWithoutHelp;
    expect(validateSpec('fallteam-consultation', spec).map((p) => p.pointer)).toEqual([
      '/retentionAfterClosure',
      '/retentionAfterClosureWithoutHelp',
    ]);
  });

  it('requires whenPresent on each party of an agreement stage, never for the committee, once per kind and stage', () => {
    const agreement = clone(SEED_SPECS['cooperation-agreement']) as unknown as Record<string, any>;
    delete agreement.approvalStages[0].parties[0].whenPresent;
    agreement.approvalStages[0].parties[2].kind = 'free_provider';
    agreement.approvalStages[1].parties[0].whenPresent = true;
    expect(validateSpec('cooperation-agreement', agreement)).toEqual([
      { pointer: '/approvalStages/0/parties/0/whenPresent', code: 'type.boolean', message: 'Hier wird true oder false erwartet.' },
      {
        pointer: '/approvalStages/0/parties/2/whenPresent',
        code: 'duplicate',
        params: { kind: 'free_provider' },
        message: 'Die Stufe hat bereits eine Partei der Art free_provider, die entscheidet, wenn sie beteiligt ist.',
      },
      {
        pointer: '/approvalStages/1/parties/0/whenPresent',
        code: 'not-applicable',
        message: 'Der Jugendhilfeausschuss ist nie Partei einer Vereinbarung; bitte false angeben.',
      },
    ]);
  });

  it('rejects a spec that is not an object', () => {
    expect(validateSpec('fallteam-consultation', null)).toEqual([
      { pointer: '/', code: 'type.object', message: 'Hier wird ein Objekt mit Feldern erwartet.' },
    ]);
  });
});
