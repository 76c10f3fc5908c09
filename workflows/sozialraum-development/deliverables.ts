import type { DeliverableSpec, SozialraumDevelopmentSpec, TargetPerspective } from '@sro/definitions';
import { germanDate } from '../shared/german-format';
import { Problems } from '../shared/validation';

export const EVENT_KINDS = [
  'multiplikatorenveranstaltung',
  'gruendungsveranstaltung',
  'workshop',
  'familienkonferenz_open_space',
  'sozialraumkonferenz',
] as const;
export const AGE_GROUPS = ['0-5', '6-11', '12-17', '18-26', '27-64', '65+'] as const;
export const PERSPECTIVES: readonly TargetPerspective[] = ['children_youth', 'parents', 'professionals', 'community'];
export const MEASURE_STATUSES = ['planned', 'running', 'done', 'stopped'] as const;

export interface Goal {
  key: string;
  title: string;
  rank: number;
  perspective: TargetPerspective;
  indicator: string;
}

export interface Measure {
  key: string;
  title: string;
  goalKey: string;
  /** The organisation responsible (contract partner or municipality id), never a person. */
  ownerId: string;
  start: string;
  end: string;
  /** Euro cents from the social-space budget. */
  budgetCents: number;
}

/** What the workflow already holds that a deliverable may refer to. */
export interface DeliverableContext {
  spec: SozialraumDevelopmentSpec;
  goalKeys: string[];
  measureKeys: string[];
}

function checkItems(p: Problems, value: unknown, spec: DeliverableSpec): unknown[] {
  return p.array(value, '/value', spec.constraints?.minItems ?? 0, spec.constraints?.maxItems ?? 500);
}

const validators: Record<string, (p: Problems, value: unknown, spec: DeliverableSpec, ctx: DeliverableContext) => void> = {
  text: (p, v, spec) => p.text(v, '/value', spec.constraints?.maxLength ?? 20_000),
  number: (p, v) => (typeof v !== 'number' || !Number.isFinite(v)) && p.add('/value', 'type.number', 'Bitte eine Zahl angeben.'),
  boolean: (p, v) => typeof v !== 'boolean' && p.add('/value', 'type.boolean', 'Bitte „ja“ oder „nein“ angeben.'),
  date: (p, v) => p.date(v, '/value'),
  document: (p, v) => {
    if (!p.object(v, '/value', ['title', 'reference'])) return;
    p.text(v.title, '/value/title', 300);
    p.text(v.reference, '/value/reference', 1000);
  },
  list: (p, v, spec) => checkItems(p, v, spec).forEach((item, i) => p.text(item, `/value/${i}`, 2000)),
  boundaries: (p, v) => {
    if (!p.object(v, '/value', ['description', 'municipalityIds', 'notes'])) return;
    p.text(v.description, '/value/description', 10_000);
    p.array(v.municipalityIds, '/value/municipalityIds', 1, 100).forEach((id, i) => p.uuid(id, `/value/municipalityIds/${i}`));
    p.text(v.notes, '/value/notes', 10_000, true);
  },
  // A save may answer some guideline questions (a draft); completion asks for all (analysisGaps).
  analysis: (p, v, _spec, ctx) => {
    if (!p.object(v, '/value', ['profileYear', 'answers'])) return;
    if (v.profileYear !== undefined) p.integer(v.profileYear, '/value/profileYear', 2000, 2100);
    const answers = p.array(v.answers, '/value/answers', v.profileYear === undefined ? 1 : 0, 100);
    const known = new Set(ctx.spec.analysisQuestions.map((q) => q.key));
    const seen = new Set<string>();
    answers.forEach((a, i) => {
      if (!p.object(a, `/value/answers/${i}`, ['questionKey', 'answer'])) return;
      const key = a.questionKey;
      if (typeof key !== 'string' || !known.has(key))
        p.add(`/value/answers/${i}/questionKey`, 'unknown-question', 'Diese Leitfrage gibt es in der Definition nicht.', {
          questionKey: key,
        });
      else if (seen.has(key))
        p.add(`/value/answers/${i}/questionKey`, 'duplicate', 'Diese Leitfrage ist doppelt beantwortet.', { questionKey: key });
      else seen.add(key);
      p.text(a.answer, `/value/answers/${i}/answer`, 20_000);
    });
  },
  events: (p, v, spec) =>
    checkItems(p, v, spec).forEach((e, i) => {
      const at = `/value/${i}`;
      if (!p.object(e, at, ['kind', 'date', 'participants', 'ageGroups', 'notes'])) return;
      p.oneOf(e.kind, `${at}/kind`, EVENT_KINDS);
      p.date(e.date, `${at}/date`);
      p.integer(e.participants, `${at}/participants`, 0, 100_000);
      const groups = p.array(e.ageGroups, `${at}/ageGroups`, 1, AGE_GROUPS.length);
      groups.forEach((g, j) => p.oneOf(g, `${at}/ageGroups/${j}`, AGE_GROUPS));
      p.text(e.notes, `${at}/notes`, 5000, true);
    }),
  goals: (p, v, spec) => {
    const ranks = new Map<number, number>();
    const keys = new Set<string>();
    checkItems(p, v, spec).forEach((g, i) => {
      const at = `/value/${i}`;
      if (!p.object(g, at, ['key', 'title', 'rank', 'perspective', 'indicator'])) return;
      const key = p.key(g.key, `${at}/key`);
      if (key && keys.has(key))
        p.add(`${at}/key`, 'duplicate', `Der Schlüssel „${key}“ ist bereits für ein anderes Ziel vergeben.`, { key });
      if (key) keys.add(key);
      p.text(g.title, `${at}/title`, 500);
      const rank = p.integer(g.rank, `${at}/rank`, 1, 1000);
      if (rank !== undefined && ranks.has(rank))
        p.add(`${at}/rank`, 'duplicate', `Die Priorität ${rank} hat bereits Ziel ${ranks.get(rank)! + 1}.`, {
          rank,
          index: ranks.get(rank),
        });
      if (rank !== undefined) ranks.set(rank, i);
      p.oneOf(g.perspective, `${at}/perspective`, PERSPECTIVES);
      p.text(g.indicator, `${at}/indicator`, 1000);
    });
  },
  measures: (p, v, spec, ctx) => {
    const keys = new Set<string>();
    checkItems(p, v, spec).forEach((m, i) => {
      const at = `/value/${i}`;
      if (!p.object(m, at, ['key', 'title', 'goalKey', 'ownerId', 'start', 'end', 'budgetCents'])) return;
      const key = p.key(m.key, `${at}/key`);
      if (key && keys.has(key))
        p.add(`${at}/key`, 'duplicate', `Der Schlüssel „${key}“ ist bereits für eine andere Maßnahme vergeben.`, { key });
      if (key) keys.add(key);
      p.text(m.title, `${at}/title`, 500);
      if (typeof m.goalKey !== 'string' || !m.goalKey)
        p.add(`${at}/goalKey`, 'required', 'Bitte ein Ziel auswählen, zu dem die Maßnahme gehört.');
      else if (!ctx.goalKeys.includes(m.goalKey))
        p.add(`${at}/goalKey`, 'unknown-goal', 'Dieses Ziel gibt es nicht; bitte legen Sie die Ziele zuerst in Phase 4 fest.', {
          goalKey: m.goalKey,
        });
      p.uuid(m.ownerId, `${at}/ownerId`);
      const start = p.date(m.start, `${at}/start`);
      const end = p.date(m.end, `${at}/end`);
      if (start && end && end < start)
        p.add(`${at}/end`, 'date.min', `Das Ende darf nicht vor dem Beginn (${germanDate(start)}) liegen.`, { min: start });
      p.integer(m.budgetCents, `${at}/budgetCents`, 0, 1_000_000_000);
    });
  },
  monitoring: (p, v, _spec, ctx) => {
    if (!p.object(v, '/value', ['measures', 'conferences'])) return;
    p.array(v.measures, '/value/measures', 0, 500).forEach((m, i) => {
      const at = `/value/measures/${i}`;
      if (!p.object(m, at, ['measureKey', 'status', 'note'])) return;
      if (typeof m.measureKey !== 'string' || !ctx.measureKeys.includes(m.measureKey))
        p.add(`${at}/measureKey`, 'unknown-measure', 'Diese Maßnahme gibt es nicht; bitte wählen Sie eine geplante Maßnahme.', {
          measureKey: m.measureKey,
        });
      p.oneOf(m.status, `${at}/status`, MEASURE_STATUSES);
      p.text(m.note, `${at}/note`, 5000, true);
    });
    p.array(v.conferences, '/value/conferences', 0, 500).forEach((c, i) => {
      const at = `/value/conferences/${i}`;
      if (!p.object(c, at, ['date', 'participants', 'notes'])) return;
      p.date(c.date, `${at}/date`);
      p.integer(c.participants, `${at}/participants`, 0, 100_000);
      p.text(c.notes, `${at}/notes`, 5000, true);
    });
  },
};

/** A Sozialraumanalyse as saved so far: the profile year and the answers by guideline question. */
export interface Analysis {
  profileYear?: number;
  answers: Array<{ questionKey: string; answer: string }>;
}

/** The saved analysis with a draft's answers merged in (a question answered again takes the new answer), in question order. */
export function mergeAnalysis(spec: SozialraumDevelopmentSpec, saved: Analysis | undefined, draft: Analysis): Analysis {
  const byKey = new Map((saved?.answers ?? []).map((a) => [a.questionKey, a]));
  for (const a of draft.answers ?? []) byKey.set(a.questionKey, a);
  const profileYear = draft.profileYear ?? saved?.profileYear;
  return {
    ...(profileYear === undefined ? {} : { profileYear }),
    answers: spec.analysisQuestions.flatMap((q) => byKey.get(q.key) ?? []),
  };
}

/** What an analysis still lacks before its phase can close: the profile year and unanswered guideline questions. */
export function analysisGaps(spec: SozialraumDevelopmentSpec, analysis: Analysis): string[] {
  const answered = new Set(analysis.answers.map((a) => a.questionKey));
  const unanswered = spec.analysisQuestions.filter((q) => !answered.has(q.key)).map((q) => `„${q.text}“`);
  return [
    ...(analysis.profileYear === undefined ? ['das Jahr des Sozialraumprofils fehlt'] : []),
    ...(unanswered.length > 0 ? [`unbeantwortete Leitfragen: ${unanswered.join(', ')}`] : []),
  ];
}

/** Every problem of a deliverable value for its declared type, pointers relative to the request body. */
export function validateDeliverable(spec: DeliverableSpec, value: unknown, ctx: DeliverableContext): Problems {
  const p = new Problems();
  validators[spec.type](p, value, spec, ctx);
  return p;
}
