import { Injectable } from '@nestjs/common';
import { DomainError, FieldProblem, germanDate } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import type { FamilyMember, NewConsent, PersonalData } from './case.types';

/** `futureBirthDateProblems` of one date points at `<pointer>/0`; a family member's date is the field itself. */
const atMember = (p: FieldProblem): FieldProblem => ({ ...p, pointer: p.pointer.replace(/\/0$/, '') });

// One formatter for the process: building one costs about as much as a whole intake's sealing.
const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

/** Today's calendar date (YYYY-MM-DD) in the office's time zone: a birth "today" is allowed at 00:30 in Berlin. */
export function todayInBerlin(now = new Date()): string {
  return BERLIN_DAY.format(now);
}

/** One problem per birth date after today, at `<pointer>/<index>`. */
export function futureBirthDateProblems(birthDates: readonly string[], pointer: string, now = new Date()): FieldProblem[] {
  const today = todayInBerlin(now);
  return birthDates.flatMap((date, i) =>
    date.slice(0, 10) > today
      ? [
          {
            pointer: `${pointer}/${i}`,
            code: 'date.future',
            params: { max: today },
            message: `Das Geburtsdatum ${germanDate(date.slice(0, 10))} liegt in der Zukunft.`,
          },
        ]
      : [],
  );
}

/** A consent's date (a day or an instant) must not lie after today or now. */
export function futureConsentDateProblems(givenAt: string, now = new Date()): FieldProblem[] {
  const future = /^\d{4}-\d{2}-\d{2}$/.test(givenAt) ? givenAt > todayInBerlin(now) : Date.parse(givenAt) > now.getTime();
  return future
    ? [
        {
          pointer: '/givenAt',
          code: 'date.future',
          params: { max: todayInBerlin(now) },
          message: 'Eine Einwilligung kann nicht in der Zukunft erteilt worden sein.',
        },
      ]
    : [];
}

/** The purpose must be one of the list exactly: "Fallteam" would be stored but release nothing to the Fallteam. */
export function consentPurposeProblems(purpose: string, allowed: readonly string[]): FieldProblem[] {
  if (allowed.includes(purpose)) return [];
  const meant = allowed.find((p) => p.toLowerCase() === purpose.trim().toLowerCase());
  return [
    {
      pointer: '/purpose',
      code: 'enum',
      params: { allowed: [...allowed], ...(meant ? { meant } : {}) },
      message: `Unbekannter Zweck „${purpose}“${meant ? ` (gemeint ist wohl „${meant}“)` : ''}; erlaubt: ${allowed.join(', ')}.`,
    },
  ];
}

/** Input rules of cases and consents that need more than the request's shape: dates against today, purposes from the definition. */
@Injectable()
export class CaseInputRules {
  constructor(private readonly definitions: DefinitionsService) {}

  /** The personal data of a new or edited case: no birth date after today, `andere` names the relation. */
  checkNewCase(personal: Pick<PersonalData, 'birthDates'> & { familyMembers?: readonly FamilyMember[] }): void {
    const members = personal.familyMembers ?? [];
    const problems = [
      ...futureBirthDateProblems(personal.birthDates, '/personal/birthDates'),
      ...members.flatMap((m, i) =>
        m.birthDate ? futureBirthDateProblems([m.birthDate], `/personal/familyMembers/${i}/birthDate`).map(atMember) : [],
      ),
      ...members.flatMap((m, i) =>
        m.relation === 'andere' && !m.relationOther?.trim()
          ? [
              {
                pointer: `/personal/familyMembers/${i}/relationOther`,
                code: 'required',
                params: { relation: 'andere' },
                message: 'Bitte geben Sie die Beziehung an, wenn Sie „andere“ wählen.',
              },
            ]
          : [],
      ),
    ];
    if (problems.length > 0) throw DomainError.invalid('Die persönlichen Daten sind nicht gültig.', problems);
  }

  /** The consent purposes come from the published Fallteam definition (`consentPurposes`). */
  async checkConsent(consent: NewConsent): Promise<void> {
    const { spec } = await this.definitions.published('fallteam-consultation');
    const problems = [...consentPurposeProblems(consent.purpose, spec.consentPurposes), ...futureConsentDateProblems(consent.givenAt)];
    if (problems.length > 0) throw DomainError.invalid('Die Einwilligung ist nicht gültig.', problems);
  }
}
