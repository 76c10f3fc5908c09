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
      { pointer: '/approvalStages/0/quorum', message: 'quorum 4 is larger than the 3 parties of the stage' },
    ]);
    const cycle = clone(SEED_SPECS['partner-interview-cycle']) as unknown as Record<string, any>;
    delete cycle.questionnaire.sections[0].questions[0].type;
    expect(validateSpec('partner-interview-cycle', cycle).map((p) => p.pointer)).toEqual(['/questionnaire/sections/0/questions/0/type']);
  });

  it('checks the Fallteam consent purposes: keys, no duplicates, fallteam among them', () => {
    const spec = clone(SEED_SPECS['fallteam-consultation']) as unknown as Record<string, unknown>;
    spec.consentPurposes = ['Fallteam', 'help-planning', 'help-planning'];
    expect(validateSpec('fallteam-consultation', spec)).toEqual([
      { pointer: '/consentPurposes/0', message: expect.stringContaining('lower-case') },
      { pointer: '/consentPurposes/2', message: 'duplicate purpose "help-planning"' },
      { pointer: '/consentPurposes', message: expect.stringContaining('must contain fallteam') },
    ]);
    delete spec.consentPurposes;
    expect(validateSpec('fallteam-consultation', spec)).toEqual([{ pointer: '/consentPurposes', message: 'must be an array' }]);
  });

  it('requires whenPresent on each party of an agreement stage, never for the committee, once per kind and stage', () => {
    const agreement = clone(SEED_SPECS['cooperation-agreement']) as unknown as Record<string, any>;
    delete agreement.approvalStages[0].parties[0].whenPresent;
    agreement.approvalStages[0].parties[2].kind = 'free_provider';
    agreement.approvalStages[1].parties[0].whenPresent = true;
    expect(validateSpec('cooperation-agreement', agreement)).toEqual([
      { pointer: '/approvalStages/0/parties/0/whenPresent', message: 'must be true or false' },
      {
        pointer: '/approvalStages/0/parties/2/whenPresent',
        message: 'the stage already has a free_provider party that decides when present',
      },
      { pointer: '/approvalStages/1/parties/0/whenPresent', message: 'the committee is never a party of an agreement' },
    ]);
  });

  it('rejects a spec that is not an object', () => {
    expect(validateSpec('fallteam-consultation', null)).toEqual([{ pointer: '/', message: 'must be an object' }]);
  });
});
