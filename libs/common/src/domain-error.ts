/**
 * What went wrong, in domain terms. The HTTP layer maps each code to a status; activities map the
 * non-retryable ones to `ApplicationFailure.nonRetryable` with the code as its type.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  Unauthenticated = 'UNAUTHENTICATED',
  Conflict = 'CONFLICT',
  InvalidState = 'INVALID_STATE',
  /** A closed case takes no changes (notes by the lead aside) until it is reopened. */
  CaseClosed = 'CASE_CLOSED',
  /** A write named a version that is no longer the current one (optimistic concurrency). */
  PreconditionFailed = 'PRECONDITION_FAILED',
  /** A write that must name the version it changes named none. */
  PreconditionRequired = 'PRECONDITION_REQUIRED',
  Unavailable = 'UNAVAILABLE',
  /** Stored data failed an integrity check (a sealed value that does not belong to its row): never the client's fault. */
  IntegrityViolation = 'INTEGRITY_VIOLATION',
  /** An upload larger than the configured limit. */
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** An upload whose content is of a kind that is not accepted. */
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
}

/** A problem in one field of an input, addressed by JSON pointer (`/phases/2/duration`). */
export interface FieldProblem {
  pointer: string;
  /** German, for the person who typed the value. */
  message: string;
  /** Stable machine code of the rule (`length.max`, `format.uuid`...), for clients that word it themselves. */
  code?: string;
  /** The rule's values (`{ max: 200 }`), so a client can build its own message. */
  params?: Record<string, unknown>;
}

/** A domain failure with a stable code; never carries personal data in its message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** `notFound('Die Vereinbarung')` → „Die Vereinbarung wurde nicht gefunden.“ (a German noun phrase with its article). */
  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} wurde nicht gefunden.`);
  }

  static invalid(message: string, problems: FieldProblem[] = []): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, message, problems);
  }

  static conflict(message: string): DomainError {
    return new DomainError(ErrorCode.Conflict, message);
  }
}

/** The codes that retrying cannot fix. */
export const NON_RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.ValidationFailed,
  ErrorCode.NotFound,
  ErrorCode.Forbidden,
  ErrorCode.Conflict,
  ErrorCode.InvalidState,
  ErrorCode.IntegrityViolation,
  ErrorCode.PayloadTooLarge,
  ErrorCode.UnsupportedMediaType,
  ErrorCode.CaseClosed,
  ErrorCode.PreconditionFailed,
  ErrorCode.PreconditionRequired,
]);
