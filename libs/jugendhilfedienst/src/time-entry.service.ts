import { Injectable } from '@nestjs/common';
import { CaseService } from '@sro/cases';
import { DomainError, ErrorCode, FieldProblem, germanDate, Principal, Role } from '@sro/common';
import { AppConfig } from '@sro/config';
import { DefinitionsService } from '@sro/definitions';
import { AssignmentsService } from '@sro/reference-data';
import { TimeKind } from './jugendhilfedienst.types';
import { TimeEntryRecord, TimeEntryRepository, TimeGrouping } from './time-entry.repository';

export interface NewTimeEntry {
  /** `YYYY-MM-DD`. */
  date: string;
  minutes: number;
  /** `HH:MM`; entries with a start must not overlap. */
  start?: string;
  kind: TimeKind;
  socialSpaceId?: string;
  caseId?: string;
  note?: string;
}

export type ReportGrouping = TimeGrouping;

/** A time entry as its author sees it. */
export interface TimeEntryView {
  id: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`; null: no start recorded. */
  start: string | null;
  minutes: number;
  kind: TimeKind;
  socialSpaceId: string | null;
  caseId: string | null;
  note: string | null;
}

export interface TimeReportRow {
  /** User id, planning region id (the team: Regionalteam) or social space id; null: none recorded. */
  key: string | null;
  label: string;
  caseMinutes: number;
  preventiveMinutes: number;
  otherMinutes: number;
  totalMinutes: number;
  /** Preventive minutes of all minutes (0–1). */
  preventiveShare: number;
  target: number;
  meetsTarget: boolean;
  /** Preventive minutes missing to reach the target with the same total. */
  shortfallMinutes: number;
}

export interface TimeReport {
  from: string;
  to: string;
  groupBy: ReportGrouping;
  /** The definition's preventive share target (0–1). */
  target: number;
  items: TimeReportRow[];
}

const DAY_MINUTES = 24 * 60;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Staff time in case work, preventive social-space work and other work, and the preventive share against the definition's target. */
@Injectable()
export class TimeEntryService {
  constructor(
    private readonly entries: TimeEntryRepository,
    private readonly cases: CaseService,
    private readonly assignments: AssignmentsService,
    private readonly definitions: DefinitionsService,
    private readonly config: AppConfig,
  ) {}

  /** Records one entry of the caller; overlapping entries or more than 24 hours a day are refused and nothing is stored. */
  async create(user: Principal, input: NewTimeEntry): Promise<TimeEntryView> {
    const problems: FieldProblem[] = [];
    const start = input.start === undefined ? null : Number(input.start.slice(0, 2)) * 60 + Number(input.start.slice(3, 5));
    if (start !== null && start + input.minutes > DAY_MINUTES)
      problems.push({
        pointer: '/minutes',
        code: 'time.past-midnight',
        params: { max: DAY_MINUTES - start },
        message: `Der Eintrag ab ${input.start} Uhr reicht über Mitternacht; bitte erfassen Sie den nächsten Tag gesondert (höchstens ${DAY_MINUTES - start} Minuten).`,
      });
    if (input.date > new Date().toISOString().slice(0, 10))
      problems.push({ pointer: '/date', code: 'date.future', message: 'Das Datum darf nicht in der Zukunft liegen.' });
    // Closed years stay closed: the reports of earlier years must not change afterwards.
    const earliest = `${new Date().getUTCFullYear() - this.config.timeEntryPastYears}-01-01`;
    if (input.date < earliest)
      problems.push({
        pointer: '/date',
        code: 'date.min',
        params: { min: earliest },
        message: `Zeiten vor dem ${germanDate(earliest)} können nicht mehr erfasst werden (zulässig: das laufende Jahr${
          this.config.timeEntryPastYears === 0
            ? ''
            : this.config.timeEntryPastYears === 1
              ? ' und das Vorjahr'
              : ` und die ${this.config.timeEntryPastYears} Vorjahre`
        }).`,
      });
    let socialSpaceId = input.socialSpaceId ?? null;
    if (input.kind === 'case') {
      if (!input.caseId)
        problems.push({ pointer: '/caseId', code: 'required', message: 'Bitte den Fall auswählen, für den Sie die Zeit erfassen.' });
      else {
        const row = await this.cases.visible(user, input.caseId).catch(() => undefined);
        if (!row) problems.push({ pointer: '/caseId', code: 'not-assigned', message: 'Bitte einen Ihrer Fälle auswählen.' });
        else socialSpaceId = row.social_space_id;
      }
      // Details of the case belong in the case file, not in a time sheet.
      if (input.note)
        problems.push({
          pointer: '/note',
          code: 'not-applicable',
          message: 'Fallzeiten haben keine Notiz; Einzelheiten gehören in die Fallakte. Bitte leer lassen.',
        });
    } else if (input.caseId) {
      problems.push({
        pointer: '/caseId',
        code: 'not-applicable',
        params: { kind: input.kind },
        message: `${input.kind === 'preventive' ? 'Präventive Arbeit' : 'Sonstige Zeit'} betrifft keinen Fall; bitte leer lassen.`,
      });
    }
    if (input.kind === 'preventive') {
      const scope = await this.assignments.of(user);
      if (!input.socialSpaceId)
        problems.push({ pointer: '/socialSpaceId', code: 'required', message: 'Bitte den Sozialraum der präventiven Arbeit auswählen.' });
      else if (!scope.socialSpaceIds.includes(input.socialSpaceId))
        problems.push({ pointer: '/socialSpaceId', code: 'not-assigned', message: 'Bitte einen Ihrer Sozialräume auswählen.' });
    }
    if (problems.length > 0)
      throw DomainError.invalid('Der Zeiteintrag kann so nicht erfasst werden; bitte prüfen Sie die markierten Angaben.', problems);

    return this.entries.transaction(async (tx) => {
      // One writer per person at a time, so two entries sent together cannot both pass the checks.
      await this.entries.lockPerson(user.sub, tx);
      const day = await this.entries.slotsOfDay(user.sub, input.date, tx);
      const total = day.reduce((sum, e) => sum + e.minutes, 0) + input.minutes;
      if (total > DAY_MINUTES) {
        throw DomainError.invalid('Mehr als 24 Stunden an einem Tag.', [
          {
            pointer: '/minutes',
            code: 'time.day-full',
            params: { max: DAY_MINUTES - (total - input.minutes) },
            message: `Am ${germanDate(input.date)} wären ${Math.floor(total / 60)} Std. ${total % 60} Min. erfasst; ein Tag hat 24 Stunden.`,
          },
        ]);
      }
      if (start !== null) {
        const clash = day.find((e) => e.startMinute !== null && e.startMinute < start + input.minutes && start < e.startMinute + e.minutes);
        if (clash) {
          throw DomainError.invalid('Der Eintrag überschneidet sich mit einem anderen.', [
            {
              pointer: '/start',
              code: 'time.overlap',
              params: { from: hhmm(clash.startMinute!), to: hhmm(clash.startMinute! + clash.minutes) },
              message: `Überschneidet sich mit dem Eintrag von ${hhmm(clash.startMinute!)} bis ${hhmm(clash.startMinute! + clash.minutes)} Uhr.`,
            },
          ]);
        }
      }
      const entry = await this.entries.insert(
        {
          userId: user.sub,
          date: input.date,
          startMinute: start,
          minutes: input.minutes,
          kind: input.kind,
          socialSpaceId,
          caseId: input.caseId ?? null,
          note: input.note ?? null,
        },
        tx,
      );
      return view(entry);
    });
  }

  /** The caller's own entries in a period. */
  async mine(user: Principal, period: { from: string; to: string }): Promise<{ items: TimeEntryView[] }> {
    return { items: (await this.entries.ofPerson(user.sub, period)).map(view) };
  }

  async remove(user: Principal, id: string): Promise<void> {
    if (!(await this.entries.remove(id, user.sub))) throw DomainError.notFound('Der Zeiteintrag');
  }

  /**
   * Minutes per kind and the preventive share per person, team (the planning region a person
   * belongs to) or social space, against the definition's target. Caseworkers see themselves;
   * leads the members of the teams they lead; coordinators their planning regions; admins everyone.
   */
  async report(user: Principal, q: { from: string; to: string; groupBy: ReportGrouping }): Promise<TimeReport> {
    if (q.to < q.from)
      throw DomainError.invalid('Der Zeitraum endet, bevor er beginnt.', [
        {
          pointer: '/to',
          code: 'date.min',
          params: { min: q.from },
          message: `Das Ende darf nicht vor dem Beginn (${germanDate(q.from)}) liegen.`,
        },
      ]);
    const admin = user.roles.includes(Role.Admin);
    const coordinator = user.roles.includes(Role.Coordinator);
    const lead = !admin && !coordinator && user.roles.includes(Role.Lead);
    if (!admin && !coordinator && !lead && q.groupBy !== 'person')
      throw new DomainError(ErrorCode.Forbidden, 'Fachkräfte sehen nur ihre eigenen Zeiten; bitte wählen Sie die Auswertung nach Person.');
    const regions = admin || !coordinator ? null : (await this.assignments.of(user)).planningRegionIds;
    const onlyUser = admin || coordinator || lead ? null : user.sub;
    const target = (await this.definitions.published('jugendhilfedienst-case')).spec.preventiveShareTarget;
    const groups = await this.entries.minutesByGroup({
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
      userId: onlyUser,
      planningRegionIds: regions,
      leadId: lead ? user.sub : null,
    });
    const items: TimeReportRow[] = groups.map((r) => {
      const total = r.caseMinutes + r.preventiveMinutes + r.otherMinutes;
      const share = total === 0 ? 0 : r.preventiveMinutes / total;
      return {
        key: r.key,
        label: r.label ?? (q.groupBy === 'social_space' ? 'ohne Sozialraum' : 'ohne Zuordnung'),
        caseMinutes: r.caseMinutes,
        preventiveMinutes: r.preventiveMinutes,
        otherMinutes: r.otherMinutes,
        totalMinutes: total,
        preventiveShare: Math.round(share * 1000) / 1000,
        target,
        meetsTarget: total > 0 && share >= target,
        shortfallMinutes: Math.max(0, Math.ceil(target * total - r.preventiveMinutes)),
      };
    });
    return { from: q.from, to: q.to, groupBy: q.groupBy, target, items };
  }
}

function view({ startMinute, ...entry }: TimeEntryRecord): TimeEntryView {
  return { ...entry, start: startMinute === null ? null : hhmm(startMinute) };
}
