import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { auditEntryFor, auditOptionsOf, AuditService } from '@sro/audit';
import { DomainError, ErrorCode, Principal, Role, ROLE_LABELS } from '@sro/common';
import { IS_PUBLIC, ROLES } from './decorators';
import { TokenVerifier } from './token-verifier';
import { UserDirectory, UserRefusedError } from './user-directory';

/**
 * Global guard: bearer token on every non-public route, then the caller's user record (unknown or
 * deactivated users are refused; roles come from the record), then the route's roles; refusals of
 * audited routes are audited.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly audit: AuditService,
    private readonly directory: UserDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const header = req.header('authorization');
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw new DomainError(ErrorCode.Unauthenticated, 'Bitte melden Sie sich an (es fehlt ein Zugangstoken).');
    const token = await this.verifier.verifyToken(match[1]);
    try {
      req.user = await this.directory.resolve(token);
    } catch (error) {
      const audited = auditOptionsOf(this.reflector, context.getHandler(), context.getClass());
      if (error instanceof UserRefusedError && audited) {
        req.user = token.principal;
        await this.audit.record(auditEntryFor(req, audited, 'denied', undefined, { reason: error.reason }));
      }
      throw error;
    }

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets) ?? [];
    if (!req.user.roles.some((role) => allowed.includes(role))) {
      const audited = auditOptionsOf(this.reflector, context.getHandler(), context.getClass());
      if (audited) await this.audit.record(auditEntryFor(req, audited, 'denied', undefined, { reason: 'role' }));
      throw new DomainError(
        ErrorCode.Forbidden,
        allowed.length > 0
          ? `Diese Aktion ist nur für folgende Rollen vorgesehen: ${allowed.map((role) => ROLE_LABELS[role]).join(', ')}.`
          : 'Diese Aktion ist für niemanden freigegeben.',
      );
    }
    return true;
  }
}
