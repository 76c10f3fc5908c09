import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from '@sro/common';

export const IS_PUBLIC = 'sro:public';
export const ROLES = 'sro:roles';

/** A route that needs no token (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The roles allowed on a route or controller; a route without any is refused (fail closed). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The verified caller. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().user);
