import { DomainError, ErrorCode, FieldProblem } from '@sro/common';

/** The problems of one input, as one 400 naming every field. */
export function invalidInput(message: string, problems: FieldProblem[]): DomainError {
  return DomainError.invalid(message, problems);
}

/** Only the coordination of the committee's region changes it. */
export function notEditor(): DomainError {
  return new DomainError(ErrorCode.Forbidden, 'Gremien, Sitzungen und Protokolle ändert die Koordination der Planregion.');
}

/** A step of the minutes that does not fit their state. */
export function minutesState(message: string): DomainError {
  return new DomainError(ErrorCode.InvalidState, message);
}
