import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, isAllowed } from '@mg/shared-kernel';
import { type AuthenticatedUser } from './authenticated-user';
import { routeAccessOf } from './route-access';
import { TokenVerifier } from './token-verifier';

/** The request property where the guard leaves the verified caller for `@CurrentUser()`. */
export interface RequestWithUser {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
}

/**
 * Deny by default: a route is reachable only if it says so. `@Public()` opens it to anyone;
 * `@RequirePermission(p)` asks for a valid bearer token whose role holds `p` (SPEC §5); a route
 * with neither is refused for everyone, so forgetting a decorator closes a route instead of
 * opening it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const handler = context.getHandler();
    const controller = context.getClass();
    const access = routeAccessOf(this.reflector, handler, controller);
    if (access.kind === 'public') return true;
    if (access.kind === 'undeclared') {
      this.logger.warn(
        `Refused ${controller.name}.${handler.name}: the route has neither @Public() nor @RequirePermission()`,
      );
      throw new DomainError('FORBIDDEN', 'This route is not open to anyone.');
    }
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const user = await this.verifier.verify(bearerToken(request));
    // Attached before the role check so that a refusal can still be audited with its actor.
    request.user = user;
    if (!isAllowed(user.role, access.permission)) {
      throw new DomainError('FORBIDDEN', `The role ${user.role} may not ${access.permission}.`);
    }
    return true;
  }
}

function bearerToken(request: RequestWithUser): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'An "Authorization: Bearer <token>" header is required.',
    );
  }
  return match[1];
}
