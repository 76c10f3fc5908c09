import type { QuestionnaireSpec, QuestionSpec, QuestionType, TargetPerspective } from '@sro/definitions';
import type { InterviewStatus } from '@sro/workflows/contracts';
import type { Answer } from '@sro/workflows/partner-interview-cycle/answers';

/** What the report needs of one interview: its status and, when done, the organisation's answers. */
export interface ReportInterview {
  status: InterviewStatus;
  answers: Answer[] | null;
}

export interface ReportCycle {
  id: string;
  number: number;
  status: 'running' | 'completed';
  startedAt: string;
  completedAt: string | null;
  definitionVersion: number;
  questionnaire: QuestionnaireSpec;
}

export interface DistributionEntry {
  value: string;
  count: number;
  /** Of the interviews that answered this question, 0–1. */
  share: number;
}

export interface QuestionReport {
  key: string;
  text: string;
  type: QuestionType;
  answered: number;
  distribution: DistributionEntry[];
  /** Scale questions only. */
  mean: number | null;
  /** Free-text questions only; the organisations' words, not attributed. */
  texts: string[];
  previous: { answered: number; mean: number | null; distribution: DistributionEntry[] } | null;
  change: { mean: number | null; shares: Array<{ value: string; change: number }> } | null;
}

export interface InterviewReport {
  cycle: Omit<ReportCycle, 'questionnaire'> & { questionnaireVersion: string };
  /** False while the cycle still runs: the numbers can change. */
  final: boolean;
  partners: { total: number; done: number; withdrawn: number; notAnswered: number; failed: number };
  /** Done interviews of those not withdrawn, 0–1. */
  responseRate: number;
  perspectives: Array<{ perspective: TargetPerspective; title: string; questions: QuestionReport[] }>;
  previous: { cycleId: string; number: number; responseRate: number } | null;
  change: { responseRate: number } | null;
}

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

function valuesOf(question: QuestionSpec): string[] {
  switch (question.type) {
    case 'scale':
      return ['1', '2', '3', '4', '5'];
    case 'yes_no':
      return ['ja', 'nein'];
    case 'single_choice':
    case 'multiple_choice':
      return question.options ?? [];
    case 'free_text':
      return [];
  }
}

function label(question: QuestionSpec, value: unknown): string[] {
  if (question.type === 'yes_no') return [value ? 'ja' : 'nein'];
  if (question.type === 'multiple_choice') return Array.isArray(value) ? value.map(String) : [];
  return [String(value)];
}

function questionReport(question: QuestionSpec, answers: unknown[]): Omit<QuestionReport, 'previous' | 'change'> {
  const answered = answers.length;
  const counts = new Map(valuesOf(question).map((v) => [v, 0]));
  if (question.type !== 'free_text') {
    for (const value of answers) for (const l of label(question, value)) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const distribution = [...counts].map(([value, count]) => ({ value, count, share: answered ? round(count / answered) : 0 }));
  const mean = question.type === 'scale' && answered ? round(answers.reduce((sum: number, v) => sum + Number(v), 0) / answered, 2) : null;
  const texts = question.type === 'free_text' ? answers.map(String).sort((a, b) => a.localeCompare(b, 'de')) : [];
  return { key: question.key, text: question.text, type: question.type, answered, distribution, mean, texts };
}

function answersByQuestion(interviews: ReportInterview[]): Map<string, unknown[]> {
  const byQuestion = new Map<string, unknown[]>();
  for (const interview of interviews) {
    if (interview.status !== 'done' || !interview.answers) continue;
    for (const answer of interview.answers) {
      const list = byQuestion.get(answer.questionKey) ?? [];
      list.push(answer.value);
      byQuestion.set(answer.questionKey, list);
    }
  }
  return byQuestion;
}

function partnerCounts(interviews: ReportInterview[]) {
  const count = (s: InterviewStatus) => interviews.filter((i) => i.status === s).length;
  const total = interviews.length;
  const done = count('done');
  const withdrawn = count('withdrawn');
  const failed = count('failed');
  const eligible = total - withdrawn;
  return {
    partners: { total, done, withdrawn, notAnswered: eligible - done, failed },
    responseRate: eligible ? round(done / eligible) : 0,
  };
}

/**
 * The report of a cycle: response rate; per target perspective and question the distribution,
 * the mean (scales) and the free-text answers; and the change against the previous cycle for the
 * questions both asked (same key and type).
 */
export function buildReport(
  cycle: ReportCycle,
  interviews: ReportInterview[],
  previous?: { cycle: ReportCycle; interviews: ReportInterview[] },
): InterviewReport {
  const { partners, responseRate } = partnerCounts(interviews);
  const answers = answersByQuestion(interviews);
  const before = previous ? answersByQuestion(previous.interviews) : undefined;
  const previousQuestions = new Map(previous?.cycle.questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.key, q]) ?? []);
  const previousRate = previous ? partnerCounts(previous.interviews).responseRate : undefined;

  const perspectives = cycle.questionnaire.sections.map((section) => ({
    perspective: section.perspective,
    title: section.title,
    questions: section.questions.map((question): QuestionReport => {
      const now = questionReport(question, answers.get(question.key) ?? []);
      const earlier = previousQuestions.get(question.key);
      if (!before || !earlier || earlier.type !== question.type) return { ...now, previous: null, change: null };
      const then = questionReport(earlier, before.get(question.key) ?? []);
      const thenShares = new Map(then.distribution.map((d) => [d.value, d.share]));
      return {
        ...now,
        previous: { answered: then.answered, mean: then.mean, distribution: then.distribution },
        change: {
          mean: now.mean !== null && then.mean !== null ? round(now.mean - then.mean, 2) : null,
          shares: now.distribution.map((d) => ({ value: d.value, change: round(d.share - (thenShares.get(d.value) ?? 0)) })),
        },
      };
    }),
  }));

  const { questionnaire, ...rest } = cycle;
  return {
    cycle: { ...rest, questionnaireVersion: questionnaire.version },
    final: cycle.status === 'completed',
    partners,
    responseRate,
    perspectives,
    previous: previous ? { cycleId: previous.cycle.id, number: previous.cycle.number, responseRate: previousRate! } : null,
    change: previousRate !== undefined ? { responseRate: round(responseRate - previousRate) } : null,
  };
}

/** Column headers in German, for the offices that open the file; the values below stay as the JSON report has them. */
const CSV_COLUMNS = [
  'Perspektive',
  'Frageschlüssel',
  'Frage',
  'Fragetyp',
  'Antwort',
  'Anzahl',
  'Anteil',
  'Mittelwert',
  'Anteil im vorigen Zyklus',
  'Mittelwert im vorigen Zyklus',
  'Veränderung des Anteils',
  'Veränderung des Mittelwerts',
];

/** A CSV cell: quoted when needed; a leading =, +, - or @ is defused so spreadsheets never run it. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value).replace('.', ',') : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV for spreadsheets used in German offices: `;` separated, decimal comma, BOM. */
export function reportToCsv(report: InterviewReport): string {
  const rows: unknown[][] = [
    [
      'gesamt',
      'response_rate',
      'Rücklaufquote',
      'summary',
      `${report.partners.done}/${report.partners.total - report.partners.withdrawn}`,
      report.partners.done,
      report.responseRate,
      null,
      report.previous?.responseRate ?? null,
      null,
      report.change?.responseRate ?? null,
      null,
    ],
  ];
  for (const perspective of report.perspectives) {
    for (const q of perspective.questions) {
      const previous = new Map(q.previous?.distribution.map((d) => [d.value, d.share]) ?? []);
      const changes = new Map(q.change?.shares.map((s) => [s.value, s.change]) ?? []);
      for (const d of q.distribution) {
        rows.push([
          perspective.perspective,
          q.key,
          q.text,
          q.type,
          d.value,
          d.count,
          d.share,
          q.mean,
          previous.get(d.value) ?? null,
          q.previous?.mean ?? null,
          changes.get(d.value) ?? null,
          q.change?.mean ?? null,
        ]);
      }
      for (const text of q.texts) rows.push([perspective.perspective, q.key, q.text, q.type, text, 1, null, null, null, null, null, null]);
    }
  }
  return `\uFEFF${[CSV_COLUMNS, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
