import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { type RequestWithUser } from '@mg/shared-auth';
import { DomainError } from '@mg/shared-kernel';
import { type Caller } from '../use-cases/caller';

/**
 * The verified caller with the request id (for the audit trail). Only on `@RequirePermission()`
 * routes, where the guard has verified the token.
 */
export const RequestCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => {
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithUser>();
    const { user } = request;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'No authenticated caller on this route.');
    return { id: user.id, role: user.role, requestId: request.id };
  },
);
