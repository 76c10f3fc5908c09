import { buildReport, cycleScheduleSpec, ReportCycle, reportToCsv } from '@sro/interviews';
import { SEED_SPECS } from '@sro/definitions';

const questionnaire = SEED_SPECS['partner-interview-cycle'].questionnaire;
const cycle = (number: number, status: ReportCycle['status'] = 'completed'): ReportCycle => ({
  id: `c${number}`,
  number,
  status,
  startedAt: '2026-01-15T08:00:00.000Z',
  completedAt: null,
  definitionVersion: 1,
  questionnaire,
});

describe('interview report', () => {
  it('counts only done interviews, leaves withdrawn ones out of the rate and compares with the previous cycle', () => {
    const report = buildReport(
      cycle(2, 'running'),
      [
        {
          status: 'done',
          answers: [
            { questionKey: 'cy_reach', value: 5 },
            { questionKey: 'pr_cooperation_forms', value: ['Fallteam', 'Regionalteam'] },
            { questionKey: 'cy_comment', value: '=HYPERLINK("x")' },
          ],
        },
        {
          status: 'done',
          answers: [
            { questionKey: 'cy_reach', value: 2 },
            { questionKey: 'pr_cooperation_forms', value: ['Fallteam'] },
          ],
        },
        { status: 'planned', answers: null },
        { status: 'withdrawn', answers: null },
      ],
      {
        cycle: cycle(1),
        interviews: [
          { status: 'done', answers: [{ questionKey: 'cy_reach', value: 1 }] },
          { status: 'overdue', answers: null },
        ],
      },
    );
    expect(report.final).toBe(false);
    expect(report.partners).toEqual({ total: 4, done: 2, withdrawn: 1, notAnswered: 1, failed: 0 });
    expect(report.responseRate).toBe(0.6667);
    expect(report.change).toEqual({ responseRate: 0.1667 });
    const reach = report.perspectives[0].questions[0];
    expect(reach).toMatchObject({ key: 'cy_reach', answered: 2, mean: 3.5, previous: { answered: 1, mean: 1 }, change: { mean: 2.5 } });
    expect(reach.distribution.map((d) => d.count)).toEqual([0, 1, 0, 0, 1]);
    const forms = report.perspectives[2].questions.find((q) => q.key === 'pr_cooperation_forms')!;
    expect(forms.distribution.filter((d) => d.count > 0)).toEqual([
      { value: 'Fallteam', count: 2, share: 1 },
      { value: 'Regionalteam', count: 1, share: 0.5 },
    ]);

    const csv = reportToCsv(report);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFPerspektive;Frageschlüssel;Frage;Fragetyp;Antwort;Anzahl;Anteil;Mittelwert;Anteil im vorigen Zyklus;Mittelwert im vorigen Zyklus;Veränderung des Anteils;Veränderung des Mittelwerts',
    );
    expect(csv).toContain(
      `children_youth;cy_comment;Was sollte sich für Kinder und Jugendliche ändern?;free_text;"'=HYPERLINK(""x"")";1;;;;;;`,
    );
    expect(csv).toContain(
      'children_youth;cy_reach;Wie gut erreichen die Angebote im Sozialraum Kinder und Jugendliche?;scale;5;1;0,5;3,5;0;1;0,5;2,5',
    );
  });

  it('reports an empty cycle without dividing by zero', () => {
    const report = buildReport(cycle(1), []);
    expect(report.responseRate).toBe(0);
    expect(report.perspectives[0].questions[0]).toMatchObject({ answered: 0, mean: null, previous: null, change: null });
  });
});

describe('cycle schedule spec', () => {
  it('follows the calendar for whole years and months, and falls back to an interval', () => {
    const anchor = new Date('2027-01-31T08:30:00Z'); // 09:30 in Berlin
    expect(cycleScheduleSpec('P2Y', anchor)).toMatchObject({
      calendars: [{ year: { start: 2027, end: 2100, step: 2 }, month: 'JANUARY', dayOfMonth: 28, hour: 9, minute: 30 }],
      timezone: 'Europe/Berlin',
    });
    expect(cycleScheduleSpec('P6M', new Date('2027-08-10T06:00:00Z'))).toMatchObject({
      calendars: [{ month: { start: 'FEBRUARY', end: 'DECEMBER', step: 6 }, dayOfMonth: 10, hour: 8 }],
    });
    const interval = cycleScheduleSpec('P100D', anchor);
    expect(interval.intervals).toEqual([{ every: 100 * 86_400_000, offset: anchor.getTime() % (100 * 86_400_000) }]);
    expect(() => cycleScheduleSpec('two years', anchor)).toThrow(/ISO-8601/);
  });
});
