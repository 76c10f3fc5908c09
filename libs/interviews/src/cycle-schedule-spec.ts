import type { ScheduleSpec } from '@temporalio/client';
import { addDuration, parseDuration } from '@sro/workflows/shared/duration';

export const SCHEDULE_TIMEZONE = 'Europe/Berlin';

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

/** The wall-clock parts of an instant in the schedule's time zone. */
function localParts(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: SCHEDULE_TIMEZONE,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/**
 * When the cycles start: from the anchor on, every `interval` of the definition. Whole years
 * (`P2Y`) and whole months dividing a year (`P6M`) follow the calendar in Europe/Berlin, so a cycle
 * starts on the same day and hour every time; other durations become a fixed interval.
 */
export function cycleScheduleSpec(interval: string, anchor: Date): ScheduleSpec {
  const d = parseDuration(interval);
  if (!d) throw new Error(`Not an ISO-8601 duration: ${interval}`);
  const local = localParts(anchor);
  // A 29th, 30th or 31st does not exist in every month; the 28th does.
  const dayOfMonth = Math.min(local.day, 28);
  const onlyYears = d.years > 0 && !d.months && !d.weeks && !d.days && !d.hours && !d.minutes && !d.seconds;
  const onlyMonths = !d.years && d.months > 0 && 12 % d.months === 0 && !d.weeks && !d.days && !d.hours && !d.minutes && !d.seconds;
  if (onlyYears) {
    return {
      // Temporal's calendar years run to 2100.
      calendars: [
        {
          year: { start: local.year, end: Math.max(local.year, 2100), step: d.years },
          month: MONTHS[local.month - 1],
          dayOfMonth,
          hour: local.hour,
          minute: local.minute,
          comment: `every ${interval}`,
        },
      ],
      timezone: SCHEDULE_TIMEZONE,
      startAt: anchor,
    };
  }
  if (onlyMonths) {
    const first = ((local.month - 1) % d.months) + 1;
    return {
      calendars: [
        {
          month: { start: MONTHS[first - 1], end: MONTHS[11], step: d.months },
          dayOfMonth,
          hour: local.hour,
          minute: local.minute,
          comment: `every ${interval}`,
        },
      ],
      timezone: SCHEDULE_TIMEZONE,
      startAt: anchor,
    };
  }
  const every = addDuration(anchor, d).getTime() - anchor.getTime();
  return { intervals: [{ every, offset: anchor.getTime() % every }], startAt: anchor };
}
