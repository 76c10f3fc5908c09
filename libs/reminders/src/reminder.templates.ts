import { DomainError } from '@sro/common';
import { webPath } from './web-links';

type Context = Record<string, string | number | boolean | null>;

export interface RenderedMessage {
  title: string;
  body: string;
  /** Page of the web app, e.g. `/prozesse/<id>` (see {@link webPath}). */
  link?: string;
}

// One formatter: toLocaleDateString builds a new one per call, which dominated rendering a batch.
const GERMAN_DATE = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

const date = (value: unknown) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? GERMAN_DATE.format(new Date(value)) : String(value ?? '');

const text = (value: unknown, fallback = '') => (value === undefined || value === null ? fallback : String(value));

/** German message templates; a context carries ids and titles, never personal data. */
export const REMINDER_TEMPLATES: Record<string, { required: string[]; render(ctx: Context): RenderedMessage }> = {
  'step-due': {
    required: ['processTitle', 'stepTitle', 'dueAt'],
    render: (c) => ({
      title: `Frist: ${text(c.stepTitle)} bis ${date(c.dueAt)}`,
      body: `Im Prozess „${text(c.processTitle)}“ ist der Schritt „${text(c.stepTitle)}“ am ${date(c.dueAt)} fällig.`,
      link: c.link ? text(c.link) : undefined,
    }),
  },
  'step-overdue': {
    required: ['processTitle', 'stepTitle', 'dueAt'],
    render: (c) => ({
      title: `Eskalation: ${text(c.stepTitle)} ist überfällig`,
      body: `Im Prozess „${text(c.processTitle)}“ ist der Schritt „${text(c.stepTitle)}“ seit dem ${date(c.dueAt)} überfällig. Bitte klären Sie das weitere Vorgehen.`,
      link: c.link ? text(c.link) : undefined,
    }),
  },
  'conference-due': {
    required: ['processTitle', 'dueAt'],
    render: (c) => ({
      title: `Sozialraumkonferenz am ${date(c.dueAt)}`,
      body: `Für „${text(c.processTitle)}“ steht die nächste Sozialraumkonferenz am ${date(c.dueAt)} an. Bitte Einladung und Tagesordnung vorbereiten.`,
      link: c.link ? text(c.link) : undefined,
    }),
  },
  'follow-up-due': {
    required: ['subjectTitle', 'dueAt'],
    render: (c) => ({
      title: `Wiedervorlage am ${date(c.dueAt)}`,
      body: `Wiedervorlage für „${text(c.subjectTitle)}“ am ${date(c.dueAt)}.`,
      link: c.link ? text(c.link) : undefined,
    }),
  },
  'meeting-task-due': {
    required: ['subjectTitle', 'dueAt'],
    render: (c) => ({
      title: `Aufgabe aus dem Protokoll fällig am ${date(c.dueAt)}`,
      body: `Eine Aufgabe aus dem Protokoll „${text(c.subjectTitle)}“ ist am ${date(c.dueAt)} fällig. Bitte erledigen Sie sie oder melden Sie sich bei der Koordination.`,
      link: c.link ? text(c.link) : undefined,
    }),
  },
  'decision-due': {
    required: ['subjectTitle', 'dueAt'],
    render: (c) => ({
      title: `Entscheidung erbeten bis ${date(c.dueAt)}`,
      body: `Ihre Entscheidung zu „${text(c.subjectTitle)}“ wird bis zum ${date(c.dueAt)} erbeten.`,
      link: c.link ? text(c.link) : undefined,
    }),
  },
  'agreement-rejected': {
    required: ['subjectTitle', 'stageTitle', 'partyTitle', 'version'],
    render: (c) => ({
      title: `Abgelehnt: ${text(c.subjectTitle)}`,
      body: `Version ${text(c.version)} von „${text(c.subjectTitle)}“ wurde in der Stufe „${text(c.stageTitle)}“ von „${text(c.partyTitle)}“ abgelehnt. Die Vereinbarung ist wieder im Entwurf; bitte die Kommentare prüfen und eine überarbeitete Fassung einreichen.`,
      link: c.link ? text(c.link) : undefined,
    }),
  },
  'agreement-renewal-due': {
    required: ['subjectTitle', 'validUntil'],
    render: (c) => ({
      title: `Verlängerung prüfen: ${text(c.subjectTitle)} gilt bis ${date(c.validUntil)}`,
      body: `„${text(c.subjectTitle)}“ gilt bis zum ${date(c.validUntil)}. Soll sie weitergelten, reichen Sie rechtzeitig eine neue Fassung mit neuer Laufzeit zur Zustimmung ein; sonst läuft sie zu diesem Datum aus.`,
      link: c.link ? text(c.link) : undefined,
    }),
  },
  'case-break-glass': {
    required: ['pseudonym', 'expiresAt'],
    render: (c) => ({
      title: `Notfallzugriff auf den Fall ${text(c.pseudonym)}`,
      body: `Eine Fachkraft außerhalb des Fallteams hat den Fall ${text(c.pseudonym)} mit einer Begründung geöffnet; der Zugriff endet am ${date(c.expiresAt)}. Begründung und Zugriffe stehen im Prüfprotokoll.`,
      link: c.link ? text(c.link) : undefined,
    }),
  },
  'case-transferred': {
    required: ['pseudonym'],
    render: (c) => ({
      title: `Fall ${text(c.pseudonym)} übergeben`,
      body: `Der Fall ${text(c.pseudonym)} wurde Ihnen übergeben; die Übergabenotiz steht in der Übergabehistorie des Falls. Offene Wiedervorlagen sind mit übergegangen.`,
      link: c.link ? text(c.link) : undefined,
    }),
  },
  generic: {
    required: ['title'],
    render: (c) => ({ title: text(c.title), body: text(c.body, text(c.title)), link: c.link ? text(c.link) : undefined }),
  },
};

/** Renders a template; unknown templates and missing context fields are domain errors (non-retryable). */
export function renderReminder(template: string, context: Context): RenderedMessage {
  const found = REMINDER_TEMPLATES[template];
  if (!found)
    throw DomainError.invalid(
      `Die Vorlage „${template}“ für Erinnerungen gibt es nicht; vorhanden: ${Object.keys(REMINDER_TEMPLATES).join(', ')}.`,
      [
        {
          pointer: '/template',
          code: 'enum',
          params: { allowed: Object.keys(REMINDER_TEMPLATES) },
          message: 'Diese Vorlage gibt es nicht.',
        },
      ],
    );
  const missing = found.required.filter((field) => context[field] === undefined || context[field] === null);
  if (missing.length > 0)
    throw DomainError.invalid(
      `Die Vorlage „${template}“ braucht im Kontext noch: ${missing.join(', ')}.`,
      missing.map((field) => ({ pointer: `/context/${field}`, code: 'required', message: 'Bitte ausfüllen.' })),
    );
  const message = found.render(context);
  return message.link ? { ...message, link: webPath(message.link) } : message;
}
