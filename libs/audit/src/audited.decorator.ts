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
  /**
   * A child of another resource (a case's consent or consultation): its rows name the parent, so
   * `GET /audit?resourceId=<case>` shows the whole trail. The child's id goes to `details[childKey]`
   * (from the route parameter `childParam`, else the result's `id`). With `parentField`, the parent's
   * id is that field of the result (a route addressed by the child's id); without a result (a refusal)
   * the row keeps `resourceType` and the child's id.
   */
  parent?: { resourceType: string; childKey: string; childParam?: string; parentField?: string };
  /**
   * A second action the same call performed when its result carries `resultField` (an object with an
   * `id`): a row of its own for the same resource, with that id in `details[childKey]`, appended in
   * the same transaction as the route's row (e.g. a case intake that also requested a consultation).
   */
  also?: { resultField: string; action: string; purpose: string; childKey: string };
  /** Set on options derived from the route (no @Audited): `METHOD /path/:param`, kept in the row's details. */
  route?: string;
}

/** Marks a route whose every call, allowed or refused, goes to the audit log. */
export const Audited = (options: AuditedOptions) => SetMetadata(AUDITED, options);
