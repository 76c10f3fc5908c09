// Talks to the SRO Engine API (same origin) through a client generated from its OpenAPI document
// (`schema.gen.ts`, `npm run api:generate`): paths, parameters, bodies and answers are typed by the API itself.
import createClient from 'openapi-fetch';
import { currentToken, signOut } from '../auth/auth';
import type { components, paths } from './schema.gen';

/** The API's documented data shapes (`Schemas['CaseDto']`, ...). */
export type Schemas = components['schemas'];

export interface FieldProblem {
  pointer: string;
  message: string;
  code?: string;
  /** What the problem is about beyond its pointer, e.g. `{ stageKey, partyKey }` of a missing approver. */
  params?: Record<string, unknown>;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  requestId?: string;
}

/** A refused or failed call, with the server's problem document. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
  get errors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

const NETWORK_PROBLEM: Problem = {
  status: 0,
  title: 'Netzwerkfehler',
  detail: 'Der Server ist nicht erreichbar. Bitte versuchen Sie es erneut.',
};

/** The typed client: `client.GET('/cases/{id}', { params: { path: { id } } })`. */
export const client = createClient<paths>({ baseUrl: '' });

client.use({
  onRequest({ request }) {
    const token = currentToken();
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    request.headers.set('accept', 'application/json');
    return request;
  },
  onResponse({ request, response }) {
    // A refused token ends the session; AuthGate keeps what was typed and brings it back after sign-in.
    if (response.status === 401 && request.headers.has('authorization')) {
      signOut('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.');
    }
    return response;
  },
});

interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** Awaits a client call and returns its data, or throws an ApiError carrying the problem document. */
export async function unwrap<D>(call: Promise<Answer<D>>): Promise<Exclude<D, undefined>> {
  let answer: Answer<D>;
  try {
    answer = await call;
  } catch {
    throw new ApiError(NETWORK_PROBLEM);
  }
  const { data, error, response } = answer;
  if (!response.ok) {
    const problem: Problem =
      error && typeof error === 'object'
        ? { status: response.status, ...(error as object) }
        : { status: response.status, detail: typeof error === 'string' && error ? error : response.statusText };
    throw new ApiError(problem);
  }
  return data as Exclude<D, undefined>;
}
