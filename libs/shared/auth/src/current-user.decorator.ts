import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '@mg/shared-kernel';
import { type AuthenticatedUser } from './authenticated-user';
import { type RequestWithUser } from './access.guard';

/** The caller verified by `AccessGuard`; only meaningful on `@RequirePermission()` routes. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'No authenticated caller on this route.');
    return user;
  },
);
