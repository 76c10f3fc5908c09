import type { Response } from 'express';
import type { FieldProblem } from '@sro/common';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://sro-engine.org/problems/';

/** An RFC 9457 problem document as the API returns it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
  /** RFC 9457 extension members. */
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Creates a problem; `slug` names the problem type (`validation-failed`, `not-found`...). */
export function problem(status: number, slug: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `${TYPE_BASE}${slug}`, title: TITLES[status] ?? 'Error', status, detail, ...extra };
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
