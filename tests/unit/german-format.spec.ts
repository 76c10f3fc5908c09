import { germanDate, germanDateTime, germanDuration, germanEuro } from '@sro/common';

describe('German formats in messages', () => {
  it('writes a calendar date as TT.MM.JJJJ without moving it through a time zone', () => {
    expect(germanDate('2027-02-01')).toBe('01.02.2027');
    expect(germanDate('2027-12-31')).toBe('31.12.2027');
  });

  it('writes an instant as its Berlin calendar day and local time (winter and summer time)', () => {
    expect(germanDate('2027-01-31T23:30:00.000Z')).toBe('01.02.2027');
    expect(germanDateTime('2027-02-01T05:51:34.261Z')).toBe('01.02.2027, 06:51 Uhr');
    expect(germanDateTime('2027-07-01T05:51:00.000Z')).toBe('01.07.2027, 07:51 Uhr');
    expect(germanDateTime(Date.UTC(2027, 1, 1, 5, 51))).toBe('01.02.2027, 06:51 Uhr');
  });

  it('returns what it cannot read unchanged', () => {
    expect(germanDate('morgen')).toBe('morgen');
    expect(germanDuration('3 Monate')).toBe('3 Monate');
  });

  it('writes ISO-8601 durations in words, in the dative after „innerhalb von“', () => {
    expect(germanDuration('P3M')).toBe('3 Monate');
    expect(germanDuration('P1Y2M')).toBe('1 Jahr und 2 Monate');
    expect(germanDuration('P1DT12H')).toBe('1 Tag und 12 Stunden');
    expect(germanDuration('P1Y2M3D')).toBe('1 Jahr, 2 Monate und 3 Tage');
    expect(germanDuration('P3D', { dative: true })).toBe('3 Tagen');
    expect(germanDuration('P6M', { dative: true })).toBe('6 Monaten');
    expect(germanDuration('P1W', { dative: true })).toBe('1 Woche');
  });

  it('writes cents as euros with German separators', () => {
    expect(germanEuro(200000)).toBe('2.000,00\u00a0€');
    expect(germanEuro(5)).toBe('0,05\u00a0€');
  });
});
