import { SEED_SPECS } from '@sro/definitions';
import { validateAnswers } from '@sro/workflows/partner-interview-cycle/answers';

const questionnaire = SEED_SPECS['partner-interview-cycle'].questionnaire;
const complete = () => [
  { questionKey: 'cy_reach', value: 4 },
  { questionKey: 'cy_participation', value: true },
  { questionKey: 'pa_access', value: 3 },
  { questionKey: 'pa_family_centre', value: 'häufig' },
  { questionKey: 'pr_fallteam', value: 5 },
  { questionKey: 'pr_cooperation_forms', value: ['Fallteam', 'Sozialraumkonferenz'] },
  { questionKey: 'co_network', value: 2 },
  { questionKey: 'co_budget_use', value: false },
  { questionKey: 'pr_comment', value: 'Mehr Austausch zwischen den Trägern' },
];

describe('interview answers against the planned questionnaire version', () => {
  it('accepts a complete, well-typed set of answers', () => {
    expect(validateAnswers(questionnaire, complete()).list).toEqual([]);
  });

  it('rejects a scale value of 7, an unknown question, a wrong option and a missing required answer, all at once', () => {
    const answers = complete().filter((a) => a.questionKey !== 'co_network');
    answers[0] = { questionKey: 'cy_reach', value: 7 };
    answers.push({ questionKey: 'not_in_version', value: 'x' });
    answers[3] = { questionKey: 'pa_family_centre', value: 'manchmal' };
    answers.push({ questionKey: 'pr_fallteam', value: 4 });
    const problems = validateAnswers(questionnaire, answers).list;
    expect(problems.map((p) => `${p.pointer}: ${p.code}`)).toEqual(
      expect.arrayContaining([
        '/answers/0/value: number.range',
        '/answers/3/value: enum',
        '/answers/8/questionKey: unknown-question',
        '/answers/9/questionKey: duplicate',
        '/answers: required',
      ]),
    );
    expect(problems.find((p) => p.pointer === '/answers/0/value')).toEqual({
      pointer: '/answers/0/value',
      code: 'number.range',
      params: { min: 1, max: 5 },
      message: 'Bitte eine ganze Zahl von 1 bis 5 angeben.',
    });
    expect(problems.find((p) => p.pointer === '/answers/3/value')?.message).toBe(
      'Bitte einen der vorgesehenen Werte wählen: häufig, gelegentlich, selten, nicht vorhanden.',
    );
    expect(problems.find((p) => p.pointer === '/answers/8/questionKey')).toMatchObject({
      params: { questionKey: 'not_in_version', version: '2026-1' },
      message: 'Diese Frage gehört nicht zu Version 2026-1 des Fragebogens.',
    });
    expect(problems.find((p) => p.pointer === '/answers')?.message).toMatch(/^Bitte beantworten Sie die Pflichtfrage „.+“\.$/);
  });

  it('checks multiple choice options and duplicates', () => {
    const answers = complete();
    answers[5] = { questionKey: 'pr_cooperation_forms', value: ['Fallteam', 'Fallteam', 'Stammtisch'] };
    expect(validateAnswers(questionnaire, answers).list.map((p) => p.pointer)).toEqual(['/answers/5/value', '/answers/5/value/2']);
  });
});
