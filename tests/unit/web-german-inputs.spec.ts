import {
  germanDateOf,
  germanDateTimeOf,
  germanDuration,
  isoDateOf,
  isoDateTimeOf,
  isoDurationOf,
  parseGermanDate,
  splitDuration,
} from '../../apps/web/src/shared/german';

describe('web inputs: dates and durations as people type them', () => {
  it('reads TT.MM.JJJJ (with or without leading zeros) and refuses what is no calendar date', () => {
    expect(parseGermanDate('03.02.2014')).toBe('2014-02-03');
    expect(parseGermanDate(' 3.2.2014 ')).toBe('2014-02-03');
    expect(parseGermanDate('29.02.2024')).toBe('2024-02-29');
    expect(parseGermanDate('29.02.2023')).toBeNull();
    expect(parseGermanDate('31.04.2020')).toBeNull();
    expect(parseGermanDate('2014-02-03')).toBeNull();
    expect(parseGermanDate('03.02.14')).toBeNull();
  });

  it('passes what it cannot read on unchanged, so that the server names the problem', () => {
    expect(isoDateOf('03.02.2014')).toBe('2014-02-03');
    expect(isoDateOf('31.02.2014')).toBe('31.02.2014');
    expect(isoDateOf('2014-02-03')).toBe('2014-02-03');
  });

  it('shows ISO dates and timestamps in German format and Berlin time', () => {
    expect(germanDateOf('2014-02-03')).toBe('03.02.2014');
    expect(germanDateOf('2026-12-31T23:30:00Z')).toBe('01.01.2027');
    expect(germanDateOf(null)).toBe('');
    expect(germanDateTimeOf('2026-07-01T08:15:00Z')).toEqual({ date: '01.07.2026', time: '10:15' });
  });

  it('turns a Berlin date and time into an instant with the right offset in winter and summer', () => {
    expect(isoDateTimeOf('15.01.2027', '09:30')).toBe('2027-01-15T09:30:00+01:00');
    expect(isoDateTimeOf('15.07.2027', '09:30')).toBe('2027-07-15T09:30:00+02:00');
    expect(new Date(isoDateTimeOf('15.07.2027', '09:30')).toISOString()).toBe('2027-07-15T07:30:00.000Z');
    expect(isoDateTimeOf('32.01.2027', '09:30')).toBe('32.01.2027 09:30');
  });

  it('writes and reads German durations', () => {
    expect(germanDuration('P3M')).toBe('3 Monate');
    expect(germanDuration('P1W')).toBe('1 Woche');
    expect(germanDuration('P1Y6M')).toBe('1 Jahr 6 Monate');
    expect(germanDuration('P14D')).toBe('14 Tage');
    expect(isoDurationOf('3', 'M')).toBe('P3M');
    expect(isoDurationOf(' 12 ', 'W')).toBe('P12W');
    expect(isoDurationOf('drei', 'M')).toBe('drei');
    expect(splitDuration('P3M')).toEqual({ amount: '3', unit: 'M' });
    expect(splitDuration('P1Y6M')).toEqual({ amount: '18', unit: 'M' });
    expect(splitDuration('P2W3D')).toEqual({ amount: '17', unit: 'D' });
    expect(splitDuration('')).toEqual({ amount: '', unit: 'M' });
  });
});
