import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { Reflector } from '@nestjs/core';
import { AUDITED, AuditedOptions } from './audited.decorator';

const STATE_CHANGING = new Set<RequestMethod>([RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE]);
const VERB: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.POST]: 'create',
  [RequestMethod.PUT]: 'update',
  [RequestMethod.PATCH]: 'update',
  [RequestMethod.DELETE]: 'delete',
};

function segmentsOf(path: unknown): string[] {
  const paths = Array.isArray(path) ? (path as unknown[]) : [path];
  const first = typeof paths[0] === 'string' ? paths[0] : '';
  return first.split('/').filter((s) => s.length > 0);
}

/** `time-entries` → `time-entry`, `sozialraum-processes` → `sozialraum-process`, `cases` → `case`. */
export function singularOf(word: string): string {
  if (word.endsWith('esses')) return word.slice(0, -2);
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * The audit options a state-changing route gets when its handler names none: the resource is the
 * route's first segment, its id the first route parameter, the action the method (create, update,
 * delete) or the route's sub-path (`versions.publish`, `members.delete`). Routes added later are
 * covered without anyone remembering @Audited.
 */
export function defaultAuditOptions(method: RequestMethod, controllerPath: unknown, handlerPath: unknown): AuditedOptions | undefined {
  if (!STATE_CHANGING.has(method)) return undefined;
  const segments = [...segmentsOf(controllerPath), ...segmentsOf(handlerPath)];
  const statics = segments.filter((s) => !s.startsWith(':'));
  const firstParam = segments.find((s) => s.startsWith(':'))?.slice(1);
  const resource = statics[0] ?? 'api';
  const rest = statics.slice(1);
  const verb = VERB[method] ?? 'change';
  const endsStatic = segments.length > 0 && !segments[segments.length - 1].startsWith(':');
  let action: string;
  if (rest.length === 0) action = verb;
  else if (method === RequestMethod.POST && endsStatic) action = rest.join('.');
  else action = `${rest.join('.')}.${verb}`;
  return {
    resourceType: singularOf(resource),
    action,
    idParam: firstParam,
    purpose: 'Änderung',
    route: `${RequestMethod[method]} /${segments.join('/')}`,
  };
}

type ReflectTarget = Parameters<Reflector['get']>[1];

/** The audit options of a route: its @Audited options, else the default of a state-changing route, else none. */
export function auditOptionsOf(reflector: Reflector, handler: ReflectTarget, controller: ReflectTarget): AuditedOptions | undefined {
  const explicit = reflector.get<AuditedOptions | undefined>(AUDITED, handler);
  if (explicit) return explicit;
  const method = reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
  if (method === undefined) return undefined;
  return defaultAuditOptions(method, reflector.get<unknown>(PATH_METADATA, controller), reflector.get<unknown>(PATH_METADATA, handler));
}
