import { useState } from 'react';
import type { Schemas } from '../api';
import { germanDateOf } from '../shared/german';

type Session = Schemas['BookedFallteamSessionDto'];

const BERLIN = 'Europe/Berlin';
// Built once: a formatter costs far more to make than to use.
const DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: BERLIN });
const TIME = new Intl.DateTimeFormat('de-DE', { timeZone: BERLIN, hour: '2-digit', minute: '2-digit' });
const dayOf = (iso: string) => DAY.format(new Date(iso));
const timeOf = (iso: string) => TIME.format(new Date(iso));
const WEEKDAYS = [
  ['Mo', 'Montag'],
  ['Di', 'Dienstag'],
  ['Mi', 'Mittwoch'],
  ['Do', 'Donnerstag'],
  ['Fr', 'Freitag'],
  ['Sa', 'Samstag'],
  ['So', 'Sonntag'],
] as const;
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** The weeks (Monday first) of a month as calendar days `YYYY-MM-DD`, null outside the month. */
export function monthWeeks(year: number, month: number): Array<Array<string | null>> {
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
  const cells: Array<string | null> = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => `${year}-${String(month + 1).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * The sessions ahead as a month calendar (Monday first), from the current month on. Each day lists
 * its sessions with time, place and places booked; a day from today on offers to plan a session
 * there (`onPlan` gets the day as `YYYY-MM-DD`). The list below the calendar says the same for
 * screen readers and narrow screens.
 */
export function SessionCalendar({
  sessions,
  moderatorName,
  onPlan,
}: {
  sessions: Session[];
  moderatorName: (id: string) => string;
  onPlan: (day: string) => void;
}) {
  const today = dayOf(new Date().toISOString());
  const first = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) - 1 };
  const [shown, setShown] = useState(first);
  const move = (by: number) =>
    setShown((s) => {
      const m = s.month + by;
      return { year: s.year + Math.floor(m / 12), month: ((m % 12) + 12) % 12 };
    });
  const atFirst = shown.year === first.year && shown.month === first.month;
  const byDay = new Map<string, Session[]>();
  for (const s of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = dayOf(s.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const title = `${MONTHS[shown.month]} ${shown.year}`;
  return (
    <div className="session-calendar">
      <div className="session-calendar-nav">
        <button type="button" className="secondary" onClick={() => move(-1)} disabled={atFirst} aria-label="Vorheriger Monat">
          ‹ Vorheriger Monat
        </button>
        <p aria-live="polite" className="session-calendar-month">
          {title}
        </p>
        <button type="button" className="secondary" onClick={() => move(1)} aria-label="Nächster Monat">
          Nächster Monat ›
        </button>
      </div>
      <table>
        <caption>Sitzungskalender {title}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col">
                <abbr title={long}>{short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(shown.year, shown.month).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => {
                if (!day) return <td key={d} className="outside" />;
                const list = byDay.get(day) ?? [];
                return (
                  <td
                    key={d}
                    className={[day === today ? 'today' : '', list.length === 0 ? 'empty' : ''].filter(Boolean).join(' ') || undefined}
                    aria-current={day === today ? 'date' : undefined}
                  >
                    <span className="day-number">
                      {Number(day.slice(8, 10))}
                      <span className="visually-hidden"> {MONTHS[shown.month]}</span>
                    </span>
                    {list.length > 0 && (
                      <ul>
                        {list.map((s) => (
                          <li key={s.id} className={s.booked >= s.capacity ? 'full' : undefined}>
                            {timeOf(s.startsAt)} {s.place}, {s.booked} von {s.capacity} belegt
                            {s.booked >= s.capacity ? ' (voll)' : ''}; Moderation {moderatorName(s.moderatorId)}
                          </li>
                        ))}
                      </ul>
                    )}
                    {day >= today && (
                      <button type="button" className="link-button plan-day" onClick={() => onPlan(day)}>
                        <span aria-hidden="true">+</span>
                        <span className="visually-hidden">Sitzung am {germanDateOf(day)} anlegen</span>
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
