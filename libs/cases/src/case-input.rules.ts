import { Injectable } from '@nestjs/common';
import { DomainError, FieldProblem } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import type { NewConsent } from './case.types';

/** Today's calendar date (YYYY-MM-DD) in the office's time zone: a birth "today" is allowed at 00:30 in Berlin. */
export function todayInBerlin(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}

/** One problem per birth date after today, at `<pointer>/<index>`. */
export function futureBirthDateProblems(birthDates: readonly string[], pointer: string, now = new Date()): FieldProblem[] {
  const today = todayInBerlin(now);
  return birthDates.flatMap((date, i) =>
    date.slice(0, 10) > today
      ? [{ pointer: `${pointer}/${i}`, message: `Das Geburtsdatum ${date.slice(0, 10)} liegt in der Zukunft` }]
      : [],
  );
}

/** A consent's date (a day or an instant) must not lie after today or now. */
export function futureConsentDateProblems(givenAt: string, now = new Date()): FieldProblem[] {
  const future = /^\d{4}-\d{2}-\d{2}$/.test(givenAt) ? givenAt > todayInBerlin(now) : Date.parse(givenAt) > now.getTime();
  return future ? [{ pointer: '/givenAt', message: 'Eine Einwilligung kann nicht in der Zukunft erteilt worden sein' }] : [];
}

/** The purpose must be one of the list exactly: "Fallteam" would be stored but release nothing to the Fallteam. */
export function consentPurposeProblems(purpose: string, allowed: readonly string[]): FieldProblem[] {
  if (allowed.includes(purpose)) return [];
  const meant = allowed.find((p) => p.toLowerCase() === purpose.trim().toLowerCase());
  return [
    {
      pointer: '/purpose',
      message: `Unbekannter Zweck „${purpose}“${meant ? ` (gemeint ist wohl „${meant}“)` : ''}; erlaubt: ${allowed.join(', ')}`,
    },
  ];
}

/** Input rules of cases and consents that need more than the request's shape: dates against today, purposes from the definition. */
@Injectable()
export class CaseInputRules {
  constructor(private readonly definitions: DefinitionsService) {}

  checkNewCase(personal: { birthDates: readonly string[] }): void {
    const problems = futureBirthDateProblems(personal.birthDates, '/personal/birthDates');
    if (problems.length > 0) throw DomainError.invalid('Ein Geburtsdatum liegt in der Zukunft', problems);
  }

  /** The consent purposes come from the published Fallteam definition (`consentPurposes`). */
  async checkConsent(consent: NewConsent): Promise<void> {
    const { spec } = await this.definitions.published('fallteam-consultation');
    const problems = [...consentPurposeProblems(consent.purpose, spec.consentPurposes), ...futureConsentDateProblems(consent.givenAt)];
    if (problems.length > 0) throw DomainError.invalid('Die Einwilligung ist nicht gültig', problems);
  }
}
