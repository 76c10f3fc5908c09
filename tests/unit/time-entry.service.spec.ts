import type { EntityManager } from 'typeorm';
import type { CaseService } from '@sro/cases';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import type { AppConfig } from '@sro/config';
import type { DefinitionsService } from '@sro/definitions';
import {
  NewTimeEntry,
  RecordedSlot,
  TimeEntryRecord,
  TimeEntryRepository,
  TimeEntryService,
  TimeMinutesByGroup,
} from '@sro/jugendhilfedienst';
import type { AssignmentsService } from '@sro/reference-data';

const caseworker: Principal = { sub: 'cw-1', roles: [Role.Caseworker] };
const coordinator: Principal = { sub: 'co-1', roles: [Role.Coordinator] };
const admin: Principal = { sub: 'admin', roles: [Role.Admin] };
const SPACE = '00000000-0000-4000-8000-000000000001';
const CASE_ID = '00000000-0000-4000-8000-0000000000ca';
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

function setup(options: { day?: RecordedSlot[]; groups?: TimeMinutesByGroup[]; caseVisible?: boolean; pastYears?: number } = {}) {
  const tx = {} as EntityManager;
  const entries = {
    transaction: jest.fn(async <T>(work: (m: EntityManager) => Promise<T>) => work(tx)),
    lockPerson: jest.fn(async () => undefined),
    slotsOfDay: jest.fn(async () => options.day ?? []),
    insert: jest.fn(async (e: Omit<TimeEntryRecord, 'id'>): Promise<TimeEntryRecord> => ({ id: 'entry-1', ...e })),
    ofPerson: jest.fn(async (): Promise<TimeEntryRecord[]> => []),
    remove: jest.fn(async () => true),
    minutesByGroup: jest.fn(async () => options.groups ?? []),
  } satisfies Partial<Record<keyof TimeEntryRepository, unknown>>;
  const cases = {
    visible: jest.fn(async () => {
      if (options.caseVisible === false) throw DomainError.notFound('Case');
      return { social_space_id: SPACE };
    }),
  };
  const assignments = { of: jest.fn(async () => ({ planningRegionIds: ['region-1'], socialSpaceIds: [SPACE] })) };
  const definitions = { published: jest.fn(async () => ({ spec: { preventiveShareTarget: 0.1 } })) };
  const service = new TimeEntryService(
    entries as unknown as TimeEntryRepository,
    cases as unknown as CaseService,
    assignments as unknown as AssignmentsService,
    definitions as unknown as DefinitionsService,
    { timeEntryPastYears: options.pastYears ?? 1 } as AppConfig,
  );
  return { service, entries, tx };
}

const entry = (overrides: Partial<NewTimeEntry> = {}): NewTimeEntry => ({ date: YESTERDAY, minutes: 60, kind: 'other', ...overrides });

async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('TimeEntryService', () => {
  it('records an entry under the person’s lock and answers its start as HH:MM', async () => {
    const { service, entries, tx } = setup();
    const created = await service.create(caseworker, entry({ start: '09:30', note: 'Teamsitzung' }));
    expect(entries.lockPerson).toHaveBeenCalledWith('cw-1', tx);
    expect(entries.insert).toHaveBeenCalledWith(
      expect.objectContaining({ userId: 'cw-1', startMinute: 570, minutes: 60, kind: 'other', note: 'Teamsitzung' }),
      tx,
    );
    expect(created).toMatchObject({ id: 'entry-1', start: '09:30', date: YESTERDAY });
    expect(created).not.toHaveProperty('startMinute');
  });

  it('refuses entries before the configured horizon (default: this and last year) with a German problem, and stores nothing', async () => {
    const year = new Date().getUTCFullYear();
    const { service, entries } = setup();
    await service.create(caseworker, entry({ date: `${year - 1}-01-01` }));
    const old = await refusal(service.create(caseworker, entry({ date: `${year - 2}-12-31` })));
    expect(old.code).toBe(ErrorCode.ValidationFailed);
    expect(old.problems).toEqual([
      {
        pointer: '/date',
        code: 'date.min',
        params: { min: `${year - 1}-01-01` },
        message: `Zeiten vor dem 01.01.${year - 1} können nicht mehr erfasst werden (zulässig: das laufende Jahr und das Vorjahr).`,
      },
    ]);
    expect(entries.insert).toHaveBeenCalledTimes(1);
    const strict = setup({ pastYears: 0 });
    const lastYear = await refusal(strict.service.create(caseworker, entry({ date: `${year - 1}-12-31` })));
    expect(lastYear.problems?.[0]).toMatchObject({ pointer: '/date', message: expect.stringContaining(`01.01.${year}`) });
  });

  it('books case time to the case’s social space', async () => {
    const { service, entries } = setup();
    await service.create(caseworker, entry({ kind: 'case', caseId: CASE_ID }));
    expect(entries.insert).toHaveBeenCalledWith(expect.objectContaining({ caseId: CASE_ID, socialSpaceId: SPACE }), expect.anything());
  });

  it('refuses case time without a case, with a note, or on a case the caller may not see', async () => {
    const { service } = setup({ caseVisible: false });
    const missing = await refusal(service.create(caseworker, entry({ kind: 'case' })));
    expect(missing.problems).toEqual([
      { pointer: '/caseId', code: 'required', message: 'Bitte den Fall auswählen, für den Sie die Zeit erfassen.' },
    ]);
    const hidden = await refusal(service.create(caseworker, entry({ kind: 'case', caseId: CASE_ID, note: 'Hausbesuch bei Familie M.' })));
    expect(hidden.problems).toEqual([
      { pointer: '/caseId', code: 'not-assigned', message: 'Bitte einen Ihrer Fälle auswählen.' },
      {
        pointer: '/note',
        code: 'not-applicable',
        message: 'Fallzeiten haben keine Notiz; Einzelheiten gehören in die Fallakte. Bitte leer lassen.',
      },
    ]);
  });

  it('refuses a case on other time and preventive work outside the caller’s social spaces', async () => {
    const { service, entries } = setup();
    const other = await refusal(service.create(caseworker, entry({ caseId: CASE_ID })));
    expect(other.problems).toEqual([
      {
        pointer: '/caseId',
        code: 'not-applicable',
        params: { kind: 'other' },
        message: 'Sonstige Zeit betrifft keinen Fall; bitte leer lassen.',
      },
    ]);
    const unnamed = await refusal(service.create(caseworker, entry({ kind: 'preventive' })));
    expect(unnamed.problems).toEqual([
      { pointer: '/socialSpaceId', code: 'required', message: 'Bitte den Sozialraum der präventiven Arbeit auswählen.' },
    ]);
    const foreign = await refusal(
      service.create(caseworker, entry({ kind: 'preventive', socialSpaceId: '00000000-0000-4000-8000-0000000000ff' })),
    );
    expect(foreign.problems).toEqual([
      { pointer: '/socialSpaceId', code: 'not-assigned', message: 'Bitte einen Ihrer Sozialräume auswählen.' },
    ]);
    expect(entries.transaction).not.toHaveBeenCalled();
  });

  it('refuses an entry running past midnight or dated in the future', async () => {
    const { service } = setup();
    const error = await refusal(service.create(caseworker, entry({ start: '23:30', minutes: 60, date: '2999-01-01' })));
    expect(error.problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/minutes', 'time.past-midnight'],
      ['/date', 'date.future'],
    ]);
    expect(error.problems[0].message).toBe(
      'Der Eintrag ab 23:30 Uhr reicht über Mitternacht; bitte erfassen Sie den nächsten Tag gesondert (höchstens 30 Minuten).',
    );
  });

  it('refuses more than 24 hours on one day', async () => {
    const { service, entries } = setup({ day: [{ id: 'a', startMinute: null, minutes: 1400 }] });
    const error = await refusal(service.create(caseworker, entry({ minutes: 41 })));
    expect(error.problems).toEqual([
      {
        pointer: '/minutes',
        code: 'time.day-full',
        params: { max: 40 },
        message: `Am ${YESTERDAY.split('-').reverse().join('.')} wären 24 Std. 1 Min. erfasst; ein Tag hat 24 Stunden.`,
      },
    ]);
    expect(entries.insert).not.toHaveBeenCalled();
  });

  it('refuses an entry overlapping another one with a start, and allows one right after it', async () => {
    const { service, entries } = setup({ day: [{ id: 'a', startMinute: 540, minutes: 60 }] });
    const error = await refusal(service.create(caseworker, entry({ start: '09:30', minutes: 60 })));
    expect(error.problems).toEqual([
      {
        pointer: '/start',
        code: 'time.overlap',
        params: { from: '09:00', to: '10:00' },
        message: 'Überschneidet sich mit dem Eintrag von 09:00 bis 10:00 Uhr.',
      },
    ]);
    await service.create(caseworker, entry({ start: '10:00', minutes: 30 }));
    expect(entries.insert).toHaveBeenCalledTimes(1);
  });

  it('answers not found when deleting an entry that is not the caller’s', async () => {
    const { service, entries } = setup();
    entries.remove.mockResolvedValueOnce(false);
    expect((await refusal(service.remove(caseworker, 'entry-9'))).code).toBe(ErrorCode.NotFound);
  });

  describe('report', () => {
    it('shows caseworkers only their own time, grouped by person', async () => {
      const { service, entries } = setup();
      expect((await refusal(service.report(caseworker, { from: '2026-11-01', to: '2026-11-30', groupBy: 'team' }))).code).toBe(
        ErrorCode.Forbidden,
      );
      await service.report(caseworker, { from: '2026-11-01', to: '2026-11-30', groupBy: 'person' });
      expect(entries.minutesByGroup).toHaveBeenCalledWith(expect.objectContaining({ userId: 'cw-1', planningRegionIds: null }));
    });

    it('limits coordinators to their planning regions and lets admins see everyone', async () => {
      const { service, entries } = setup();
      await service.report(coordinator, { from: '2026-11-01', to: '2026-11-30', groupBy: 'team' });
      expect(entries.minutesByGroup).toHaveBeenLastCalledWith(expect.objectContaining({ userId: null, planningRegionIds: ['region-1'] }));
      await service.report(admin, { from: '2026-11-01', to: '2026-11-30', groupBy: 'social_space' });
      expect(entries.minutesByGroup).toHaveBeenLastCalledWith(expect.objectContaining({ userId: null, planningRegionIds: null }));
    });

    it('refuses a period that ends before it starts', async () => {
      const { service } = setup();
      const error = await refusal(service.report(admin, { from: '2026-11-30', to: '2026-11-01', groupBy: 'person' }));
      expect(error.problems).toEqual([
        {
          pointer: '/to',
          code: 'date.min',
          params: { min: '2026-11-30' },
          message: 'Das Ende darf nicht vor dem Beginn (30.11.2026) liegen.',
        },
      ]);
    });

    it('computes the preventive share against the definition’s target and the minutes missing to reach it', async () => {
      const groups: TimeMinutesByGroup[] = [
        { key: 'cw-1', label: 'Fachkraft', caseMinutes: 900, preventiveMinutes: 60, otherMinutes: 40 },
        { key: null, label: null, caseMinutes: 0, preventiveMinutes: 30, otherMinutes: 0 },
      ];
      const { service } = setup({ groups });
      const report = await service.report(admin, { from: '2026-11-01', to: '2026-11-30', groupBy: 'social_space' });
      expect(report).toMatchObject({ target: 0.1, groupBy: 'social_space' });
      expect(report.items[0]).toMatchObject({ totalMinutes: 1000, preventiveShare: 0.06, meetsTarget: false, shortfallMinutes: 40 });
      expect(report.items[1]).toMatchObject({ label: 'ohne Sozialraum', preventiveShare: 1, meetsTarget: true, shortfallMinutes: 0 });
    });
  });
});
