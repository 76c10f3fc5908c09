import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode } from '@sro/common';
import { Problem, problem, sendProblem } from './problem';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.InvalidState]: 409,
  [ErrorCode.Unavailable]: 503,
};

const RETRY_AFTER_SECONDS = '5';

/** Connection-level failures of PostgreSQL, Redis or Temporal: the client may retry. */
export function isBackendUnavailable(error: unknown): boolean {
  // Duck-typed: errors raised by Node's own modules may come from another realm (instanceof fails there).
  if (!error || typeof error !== 'object') return false;
  const err = error as { code?: string | number; driverError?: unknown; name?: string; message?: unknown };
  if (err.driverError && isBackendUnavailable(err.driverError)) return true;
  if (
    typeof err.code === 'string' &&
    (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(err.code) || /^(08|57P)/.test(err.code))
  ) {
    return true;
  }
  // gRPC UNAVAILABLE (14) from the Temporal client
  if (err.code === 14 || err.name === 'ServiceError') return true;
  return (
    typeof err.message === 'string' &&
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Connection is closed/i.test(err.message)
  );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Body-parser failures carry a `type` and a status of their own. */
function fromBodyParser(error: unknown): Problem | undefined {
  const err = error as { type?: string; status?: number; limit?: number; body?: unknown };
  if (err?.type === 'entity.parse.failed') {
    // Valid JSON that is not an object or array (`null`, `42`, `"x"`) is refused by the strict parser.
    const raw = typeof err.body === 'string' ? err.body.trim() : '';
    const scalar = raw !== '' && !/^[[{]/.test(raw) && isJson(raw);
    return scalar
      ? {
          ...problem(400, 'validation-failed', 'Die Anfrage muss ein JSON-Objekt enthalten.'),
          errors: [{ pointer: '/', code: 'type.object', message: 'Die Anfrage muss ein JSON-Objekt enthalten.' }],
        }
      : {
          ...problem(400, 'malformed-json', 'Die Anfrage ist kein gültiges JSON.'),
          errors: [{ pointer: '/', code: 'format.json', message: 'Die Anfrage ist kein gültiges JSON.' }],
        };
  }
  if (err?.type === 'entity.too.deep') {
    return {
      ...problem(400, 'json-too-deep', `Die Anfrage ist tiefer als ${err.limit} Ebenen verschachtelt.`),
      errors: [{ pointer: '/', code: 'json.depth', params: { max: err.limit }, message: `Höchstens ${err.limit} Ebenen.` }],
    };
  }
  if (err?.type === 'entity.too.large') {
    return problem(413, 'payload-too-large', `Die Anfrage ist größer als die erlaubten ${err.limit} Bytes.`);
  }
  if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') {
    return problem(415, 'unsupported-encoding', 'Die Zeichenkodierung der Anfrage wird nicht unterstützt.');
  }
  return undefined;
}

/** What Nest's own exceptions (unknown route, rate limit...) mean, in German; their English text is not shown. */
const HTTP_DETAILS: Record<number, string> = {
  400: 'Die Anfrage ist fehlerhaft.',
  401: 'Bitte melden Sie sich an.',
  403: 'Dafür fehlt Ihnen die Berechtigung.',
  404: 'Diese Adresse gibt es nicht.',
  405: 'Diese Aktion ist hier nicht möglich.',
  409: 'Das widerspricht dem aktuellen Stand.',
  413: 'Die Anfrage ist zu groß.',
  415: 'Dieses Format wird nicht unterstützt.',
  429: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment.',
};

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  return problem(status, slugFor(status), HTTP_DETAILS[status] ?? 'Die Anfrage konnte nicht bearbeitet werden.');
}

function slugFor(status: number): string {
  return (
    {
      400: 'bad-request',
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not-found',
      409: 'conflict',
      413: 'payload-too-large',
      429: 'too-many-requests',
    }[status] ?? 'http-error'
  );
}

/** Turns any error into the problem document the client receives; 5xx never reveal internals. */
export function toProblem(error: unknown): { body: Problem; headers: Record<string, string> } {
  if (error instanceof DomainError) {
    const status = STATUS_BY_CODE[error.code];
    const extra = error.problems.length > 0 ? { errors: error.problems } : {};
    const headers: Record<string, string> = status === 503 ? { 'Retry-After': RETRY_AFTER_SECONDS } : {};
    return { body: problem(status, error.code.toLowerCase().replace(/_/g, '-'), error.message, extra), headers };
  }
  const parserProblem = fromBodyParser(error);
  if (parserProblem) return { body: parserProblem, headers: {} };
  if (error instanceof HttpException) return { body: fromHttpException(error), headers: {} };
  if (isBackendUnavailable(error)) {
    return {
      body: problem(
        503,
        'backend-unavailable',
        'Ein benötigter Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
      ),
      headers: { 'Retry-After': RETRY_AFTER_SECONDS },
    };
  }
  if (isDataException(error)) {
    // A value the validation let through but PostgreSQL refuses (out of range, malformed): the client's input.
    return {
      body: problem(400, 'invalid-value', 'Ein Wert der Anfrage ist zu groß, zu klein oder fehlerhaft.', {
        errors: [{ pointer: '/', code: 'invalid', message: 'Ein Wert ist zu groß, zu klein oder fehlerhaft.' }],
      }),
      headers: {},
    };
  }
  return { body: problem(500, 'internal', 'Ein unerwarteter Fehler ist aufgetreten; er wurde protokolliert.'), headers: {} };
}

/** PostgreSQL's class 22 (data exception: numeric out of range, invalid text representation, datetime overflow). */
function isDataException(error: unknown): boolean {
  const err = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = err?.driverError?.code ?? err?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** The one global filter: every error leaves as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { body, headers } = toProblem(error);
    if (body.status >= 500) {
      const err = error instanceof Error ? error : new Error(String(error));
      this.logger.error({
        msg: 'request failed',
        requestId: res.getHeader('x-request-id'),
        error: err.name,
        code: (err as { code?: unknown }).code,
        stack: err.stack,
      });
    }
    if (res.headersSent) return;
    sendProblem(res, body, headers);
  }
}
