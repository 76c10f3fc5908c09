import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, Observable, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DomainError, ErrorCode } from '@sro/common';
import { auditEntriesFor, auditEntryFor } from './audit-context';
import { auditOptionsOf } from './audit-route';
import { AuditService } from './audit.service';

/**
 * Records every call of an @Audited route, and of every state-changing route (options derived from
 * the route, see `defaultAuditOptions`), after it ran. The response waits for the audit row:
 * an access that cannot be audited must not happen silently.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = auditOptionsOf(this.reflector, context.getHandler(), context.getClass());
    if (!options || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      mergeMap((result) => {
        const entries = auditEntriesFor(req, options, result);
        return from(this.audit.recordAll(entries).then(() => result));
      }),
      catchError((error: unknown) => {
        const denied = error instanceof DomainError && [ErrorCode.Forbidden, ErrorCode.NotFound].includes(error.code);
        const entry = auditEntryFor(req, options, denied ? 'denied' : 'failed', undefined, {
          error: error instanceof DomainError ? error.code : 'error',
        });
        return from(
          this.audit.record(entry).catch((auditError: unknown) => {
            this.logger.error({ msg: 'audit write failed', error: (auditError as Error).message });
          }),
        ).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
