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
  [ErrorCode.CaseClosed]: 409,
  [ErrorCode.PreconditionFailed]: 412,
  [ErrorCode.PreconditionRequired]: 428,
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
          ...problem(400, 'validation-failed', 'The request body must be a JSON object'),
          errors: [{ pointer: '/', message: 'must be a JSON object' }],
        }
      : {
          ...problem(400, 'malformed-json', 'The request body is not valid JSON'),
          errors: [{ pointer: '/', message: 'is not valid JSON' }],
        };
  }
  if (err?.type === 'entity.too.deep') {
    return {
      ...problem(400, 'json-too-deep', `The request body is nested deeper than ${err.limit} levels`),
      errors: [{ pointer: '/', message: 'is nested too deeply' }],
    };
  }
  if (err?.type === 'entity.too.large') {
    return problem(413, 'payload-too-large', `The request body is larger than the limit of ${err.limit} bytes`);
  }
  if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') {
    return problem(415, 'unsupported-encoding', 'The request body encoding is not supported');
  }
  return undefined;
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  const body = error.getResponse();
  let detail = error.message;
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const message = (body as { message: unknown }).message;
    detail = Array.isArray(message) ? message.join('; ') : String(message);
  }
  return problem(status, slugFor(status), detail);
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
      body: problem(503, 'backend-unavailable', 'A backing service is unavailable; please retry shortly'),
      headers: { 'Retry-After': RETRY_AFTER_SECONDS },
    };
  }
  if (isDataException(error)) {
    // A value the validation let through but PostgreSQL refuses (out of range, malformed): the client's input.
    return {
      body: problem(400, 'invalid-value', 'A value in the request is out of range or malformed', {
        errors: [{ pointer: '/', message: 'a value is out of range or malformed' }],
      }),
      headers: {},
    };
  }
  return { body: problem(500, 'internal', 'An unexpected error occurred; it has been logged'), headers: {} };
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
