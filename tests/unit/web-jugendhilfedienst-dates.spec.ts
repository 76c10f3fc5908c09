import { addDuration } from '../../apps/web/src/jugendhilfedienst/dates';

describe('web: the review date of a help plan from a duration', () => {
  it('adds months, years, weeks and days to a date', () => {
    expect(addDuration('2026-12-02', 'P3M')).toBe('2027-03-02');
    expect(addDuration('2026-12-02', 'P1Y')).toBe('2027-12-02');
    expect(addDuration('2026-12-02', 'P2W')).toBe('2026-12-16');
    expect(addDuration('2026-12-30', 'P5D')).toBe('2027-01-04');
    expect(addDuration('2026-11-30', 'P1Y6M')).toBe('2028-05-30');
  });

  it('answers null for what it cannot read, so the form passes the typed text on to the server', () => {
    expect(addDuration('02.12.2026', 'P3M')).toBeNull();
    expect(addDuration('2026-12-02', '3 Monate')).toBeNull();
    expect(addDuration('2026-12-02', 'P')).toBeNull();
  });
});
