import type { Request } from 'express';
import type { Principal } from '@sro/common';
import { AuditOutcome } from './audit-event.entity';
import { AuditedOptions } from './audited.decorator';
import { AuditEntry } from './audit.service';

const PURPOSE = /^[\p{L}\p{N} .,;:()/§_-]{1,200}$/u;

/** The purpose a request states in `X-Purpose`, or the route's default. */
export function purposeOf(req: Request, options: AuditedOptions): string {
  const stated = req.header('x-purpose');
  return stated && PURPOSE.test(stated) ? stated : options.purpose;
}

/** Builds the audit entry for one request to an audited route; `result` is what the route returned, if it ran through. */
export function auditEntryFor(
  req: Request,
  options: AuditedOptions,
  outcome: AuditOutcome,
  result?: unknown,
  details: Record<string, unknown> = {},
): AuditEntry {
  const user = (req as Request & { user?: Principal }).user;
  const param = (name: string | undefined): string | undefined => {
    const raw = name ? (req.params?.[name] as unknown) : undefined;
    return typeof raw === 'string' ? raw : undefined;
  };
  const field = (name: string): string | undefined => {
    const value = result && typeof result === 'object' ? (result as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const fromParam = param(options.idParam ?? 'id');
  let resourceType = options.resourceType;
  let resourceId = field('id') ?? fromParam ?? null;
  let extra: Record<string, unknown> = {};
  const parent = options.parent;
  if (parent) {
    const parentId = parent.parentField ? field(parent.parentField) : fromParam;
    const childId = parent.parentField ? (fromParam ?? field('id')) : (param(parent.childParam) ?? field('id'));
    if (parentId) {
      resourceType = parent.resourceType;
      resourceId = parentId;
      if (childId) extra = { [parent.childKey]: childId };
    } else {
      resourceId = fromParam ?? null;
    }
  }
  const route = options.route ? { route: options.route, params: { ...(req.params ?? {}) } } : {};
  const detailParams = Object.fromEntries((options.detailParams ?? []).map((name) => [name, req.params?.[name] ?? null]));
  return {
    actorId: user?.sub ?? 'anonymous',
    actorRoles: user?.roles ?? [],
    action: options.action,
    resourceType,
    resourceId,
    purpose: purposeOf(req, options),
    outcome,
    requestId: (req as Request & { id?: string }).id ?? null,
    details: { ...route, ...detailParams, ...extra, ...details },
  };
}

/** The entries of one allowed call: the route's own, and the one of `options.also` when its result carries that action's object. */
export function auditEntriesFor(req: Request, options: AuditedOptions, result: unknown): AuditEntry[] {
  const entry = auditEntryFor(req, options, 'allowed', result);
  const also = options.also;
  const child = also && result && typeof result === 'object' ? (result as Record<string, unknown>)[also.resultField] : undefined;
  const childId = child && typeof child === 'object' ? (child as Record<string, unknown>).id : undefined;
  if (!also || typeof childId !== 'string') return [entry];
  return [
    entry,
    {
      ...entry,
      action: also.action,
      purpose: purposeOf(req, { ...options, purpose: also.purpose }),
      details: { ...entry.details, [also.childKey]: childId },
    },
  ];
}
