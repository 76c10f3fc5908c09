import { formatDate } from '../shared/ui';
import { STEP_STATUS } from './labels';

type Step = {
  key: string;
  title: string;
  status: 'pending' | 'active' | 'completed';
  dueAt?: string;
  completedAt?: string;
  extendedTo?: string;
  overdue?: boolean;
  skipped?: boolean;
};

/** The steps of a process with their deadlines: what is open, what is overdue, what is done. */
export function StepList({ steps, label }: { steps: Step[]; label: string }) {
  return (
    <ol className="steps" aria-label={label}>
      {steps.map((s) => {
        const due = s.extendedTo ?? s.dueAt;
        return (
          <li key={s.key}>
            <strong>{s.title}</strong>: {s.skipped ? 'entfällt' : (STEP_STATUS[s.status] ?? s.status)}
            {s.status === 'completed' && s.completedAt && !s.skipped ? ` am ${formatDate(s.completedAt)}` : ''}
            {s.status !== 'completed' && due ? ` · Frist ${formatDate(due)}` : ''}
            {s.status !== 'completed' && s.overdue ? (
              <span className="badge badge-overdue">
                {' '}
                <span aria-hidden="true">● </span>Überfällig
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A moment as people in the office write it: "02.12.2026, 18:58 Uhr" (Berlin time). */
export function formatWhen(iso?: string | null): string {
  if (!iso) return '–';
  const time = new Date(iso).toLocaleTimeString('de-DE', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${formatDate(iso)}, ${time} Uhr`;
}
