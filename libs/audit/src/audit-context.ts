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

/** Builds the audit entry for one request to an audited route. */
export function auditEntryFor(
  req: Request,
  options: AuditedOptions,
  outcome: AuditOutcome,
  resourceId?: string | null,
  details: Record<string, unknown> = {},
): AuditEntry {
  const user = (req as Request & { user?: Principal }).user;
  const raw = req.params?.[options.idParam ?? 'id'] as unknown;
  const fromParam = typeof raw === 'string' ? raw : undefined;
  return {
    actorId: user?.sub ?? 'anonymous',
    actorRoles: user?.roles ?? [],
    action: options.action,
    resourceType: options.resourceType,
    resourceId: resourceId ?? fromParam ?? null,
    purpose: purposeOf(req, options),
    outcome,
    requestId: (req as Request & { id?: string }).id ?? null,
    details: options.route ? { route: options.route, params: { ...(req.params ?? {}) }, ...details } : details,
  };
}
