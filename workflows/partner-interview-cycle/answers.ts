import type { QuestionnaireSpec, QuestionSpec } from '@sro/definitions';
import { germanDate } from '../shared/german-format';
import { Problems } from '../shared/validation';

/** One answer of an interview, against the questionnaire version the interview was planned with. */
export interface Answer {
  questionKey: string;
  value: unknown;
}

const SCALE = { min: 1, max: 5 };

function checkValue(p: Problems, question: QuestionSpec, value: unknown, at: string): void {
  switch (question.type) {
    case 'scale':
      p.integer(value, at, SCALE.min, SCALE.max);
      break;
    case 'yes_no':
      if (typeof value !== 'boolean') p.add(at, 'type.boolean', 'Bitte „ja“ oder „nein“ angeben.');
      break;
    case 'single_choice':
      p.oneOf(value, at, question.options ?? []);
      break;
    case 'multiple_choice': {
      const chosen = p.array(value, at, question.required ? 1 : 0, question.options?.length ?? 0);
      if (new Set(chosen).size !== chosen.length) p.add(at, 'array.unique', 'Jede Antwort darf nur einmal gewählt werden.');
      chosen.forEach((c, i) => p.oneOf(c, `${at}/${i}`, question.options ?? []));
      break;
    }
    case 'free_text':
      p.text(value, at, 5000);
      break;
  }
}

/**
 * Every problem of a set of answers: questions not in this version, values outside their type
 * (a scale runs 1–5), questions answered twice, required questions left out.
 */
export function validateAnswers(questionnaire: QuestionnaireSpec, answers: unknown): Problems {
  const p = new Problems();
  const questions = new Map(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.key, q]));
  const seen = new Set<string>();
  p.array(answers, '/answers', 0, questions.size * 2).forEach((answer, i) => {
    const at = `/answers/${i}`;
    if (!p.object(answer, at, ['questionKey', 'value'])) return;
    const key = answer.questionKey;
    const question = typeof key === 'string' ? questions.get(key) : undefined;
    if (!question) {
      p.add(`${at}/questionKey`, 'unknown-question', `Diese Frage gehört nicht zu Version ${questionnaire.version} des Fragebogens.`, {
        questionKey: key,
        version: questionnaire.version,
      });
      return;
    }
    if (seen.has(question.key))
      p.add(`${at}/questionKey`, 'duplicate', `Die Frage „${question.text}“ ist doppelt beantwortet.`, { questionKey: question.key });
    seen.add(question.key);
    checkValue(p, question, answer.value, `${at}/value`);
  });
  for (const question of questions.values()) {
    if (question.required && !seen.has(question.key))
      p.add('/answers', 'required', `Bitte beantworten Sie die Pflichtfrage „${question.text}“.`, { questionKey: question.key });
  }
  return p;
}

/**
 * Problems of the day the interview took place (`YYYY-MM-DD`): answers are never dated before
 * the planned interview date, nor after today.
 */
export function checkConductedOn(conductedOn: unknown, plannedAt: string, now: Date): Problems {
  const p = new Problems();
  const day = p.date(conductedOn, '/conductedOn');
  const plannedDay = plannedAt.slice(0, 10);
  if (day && day < plannedDay)
    p.add('/conductedOn', 'date.min', `Das Datum darf nicht vor dem geplanten Interviewtermin am ${germanDate(plannedDay)} liegen.`, {
      min: plannedDay,
    });
  else if (day && day > now.toISOString().slice(0, 10)) p.add('/conductedOn', 'date.future', 'Das Datum darf nicht in der Zukunft liegen.');
  return p;
}
