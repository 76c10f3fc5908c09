import { aggregateStatistics, ageGroup, RiskAssessmentStatistic, STATISTIC_FIELDS, statisticsCsv } from '@sro/jugendhilfedienst';

describe('§ 8a statistics helpers', () => {
  const at = new Date('2026-11-21T10:00:00Z');

  it('counts completed years for the age group, the birthday included', () => {
    expect(ageGroup('2014-11-21', at)).toBe('12-13');
    expect(ageGroup('2014-11-22', at)).toBe('9-11');
    expect(ageGroup('2026-01-01', at)).toBe('0-2');
    expect(ageGroup('2009-01-01', at)).toBe('16-17');
    expect(ageGroup('2008-11-21', at)).toBe('18+');
  });

  it('answers unknown without a usable birth date or for one in the future', () => {
    expect(ageGroup(undefined, at)).toBe('unknown');
    expect(ageGroup('03.02.2014', at)).toBe('unknown');
    expect(ageGroup('2027-01-01', at)).toBe('unknown');
  });

  it('writes one CSV line per assessment with the statistics fields only, lists joined and quotes defused', () => {
    const row: RiskAssessmentStatistic = {
      completionYear: 2026,
      completionMonth: 11,
      ageGroup: '6-8',
      sex: 'female',
      result: 'acute',
      dangerKinds: ['neglect', 'physical_abuse'],
      reportedBy: 'school',
      existingHelp: [],
      newHelp: ['protective_custody'],
      familyCourt: true,
    };
    const csv = statisticsCsv([row, { ...row, reportedBy: 'a;"b' }]);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(STATISTIC_FIELDS.join(';'));
    expect(lines[1]).toBe('2026;11;6-8;female;acute;neglect|physical_abuse;school;;protective_custody;ja');
    expect(lines[2]).toContain('"a;""b"');
  });

  describe('aggregate view', () => {
    const base: RiskAssessmentStatistic = {
      completionYear: 2026,
      completionMonth: 11,
      ageGroup: '6-8',
      sex: 'female',
      result: 'acute',
      dangerKinds: [],
      reportedBy: 'school',
      existingHelp: [],
      newHelp: [],
      familyCourt: false,
    };
    const many = (n: number, patch: Partial<RiskAssessmentStatistic>) => Array.from({ length: n }, () => ({ ...base, ...patch }));

    it('suppresses cells below 5 and a month total below 5', () => {
      const { cells, months } = aggregateStatistics([...many(2, { result: 'acute' }), ...many(1, { result: 'latent' })], 'result');
      expect(cells).toEqual([
        { month: 11, value: 'acute', count: null, suppressed: true },
        { month: 11, value: 'latent', count: null, suppressed: true },
      ]);
      expect(months).toEqual([{ month: 11, total: null, suppressed: true }]);
    });

    it('shows cells of 5 and more, and hides a second cell when one suppressed cell could be computed from the total', () => {
      const rows = [...many(9, { result: 'acute' }), ...many(6, { result: 'none' }), ...many(2, { result: 'latent' })];
      const { cells, months } = aggregateStatistics(rows, 'result');
      expect(months).toEqual([{ month: 11, total: 17, suppressed: false }]);
      expect(cells).toEqual([
        { month: 11, value: 'acute', count: 9, suppressed: false },
        { month: 11, value: 'latent', count: null, suppressed: true },
        { month: 11, value: 'none', count: null, suppressed: true },
      ]);
      const plain = aggregateStatistics([...many(5, { result: 'acute' }), ...many(7, { result: 'none', completionMonth: 12 })], 'result');
      expect(plain.cells.map((c) => c.count)).toEqual([5, 7]);
    });
  });
});
