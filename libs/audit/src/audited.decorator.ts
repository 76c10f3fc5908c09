import { SetMetadata } from '@nestjs/common';

export const AUDITED = 'sro:audited';

export interface AuditedOptions {
  /** The kind of resource (`case`, `consultation`, `audit-log`...). */
  resourceType: string;
  action: 'read' | 'list' | 'create' | 'update' | 'delete' | string;
  /** Route parameter that holds the resource id; for creations the result's `id` is used. */
  idParam?: string;
  /** Route parameters that go into the entry's details as well (e.g. the version of a keyed resource). */
  detailParams?: string[];
  /** Used when the request carries no `X-Purpose` header. */
  purpose: string;
}

/** Marks a route whose every call, allowed or refused, goes to the audit log. */
export const Audited = (options: AuditedOptions) => SetMetadata(AUDITED, options);
