import { SetMetadata } from '@nestjs/common';

export const AUDITED = 'sro:audited';

export interface AuditedOptions {
  /** The kind of resource (`case`, `consultation`, `audit-log`...). */
  resourceType: string;
  action: 'read' | 'list' | 'create' | 'update' | 'delete' | string;
  /** Route parameter that holds the resource id; for creations the result's `id` is used. */
  idParam?: string;
  /** Used when the request carries no `X-Purpose` header. */
  purpose: string;
  /** Set on options derived from the route (no @Audited): `METHOD /path/:param`, kept in the row's details. */
  route?: string;
}

/** Marks a route whose every call, allowed or refused, goes to the audit log. */
export const Audited = (options: AuditedOptions) => SetMetadata(AUDITED, options);
