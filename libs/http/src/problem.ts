import type { Response } from 'express';
import type { FieldProblem } from '@sro/common';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://sro-engine.org/problems/';

/** An RFC 9457 problem document as the API returns it. */
export interface Problem {
  type: string;
  title: string;
  /** Stable code of the problem (the last segment of `type`). */
  code?: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
  /** RFC 9457 extension members. */
  [extension: string]: unknown;
}

/** Titles a person reads (German); `code` is what a program compares. */
const TITLES: Record<number, string> = {
  400: 'Angaben prüfen',
  401: 'Anmeldung erforderlich',
  403: 'Keine Berechtigung',
  404: 'Nicht gefunden',
  405: 'Aktion nicht möglich',
  409: 'Konflikt mit dem aktuellen Stand',
  412: 'Inzwischen geändert',
  413: 'Zu groß',
  415: 'Dateityp nicht unterstützt',
  422: 'Nicht verarbeitbar',
  429: 'Zu viele Anfragen',
  500: 'Interner Fehler',
  503: 'Dienst vorübergehend nicht erreichbar',
};

/**
 * Creates a problem; `slug` names the problem type (`validation-failed`, `not-found`...) and is
 * repeated as the stable `code` a client switches on.
 */
export function problem(status: number, slug: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `${TYPE_BASE}${slug}`, code: slug, title: TITLES[status] ?? 'Fehler', status, detail, ...extra };
}

/** Writes a problem to an Express response, tagging it with the request id and path. */
export function sendProblem(res: Response, body: Problem, headers: Record<string, string> = {}): void {
  const req = res.req;
  const withContext: Problem = {
    ...body,
    instance: body.instance ?? req?.originalUrl?.split('?')[0],
    requestId: body.requestId ?? (res.getHeader('x-request-id') as string | undefined),
  };
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(withContext.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(withContext));
}
