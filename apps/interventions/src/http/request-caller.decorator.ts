import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { type RequestWithUser } from '@mg/shared-auth';
import { idempotencyKeyOf } from '@mg/shared-idempotency';
import { DomainError } from '@mg/shared-kernel';
import { type Caller } from '../use-cases/caller';

/**
 * The verified caller with what a use case needs besides: the request id (for the audit trail),
 * the caller's own bearer header (to read tickets, projects and users on their behalf) and the
 * request's Idempotency-Key (to name the workflow update). Only on `@RequirePermission()`
 * routes, where the guard has verified the token.
 */
export const RequestCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => {
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithUser>();
    const { user } = request;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'No authenticated caller on this route.');
    const authorization = request.headers.authorization;
    // Only mutating requests carry one with a meaning; a read ignores it, as the interceptor does.
    const idempotencyKey =
      request.method === 'POST' ? idempotencyKeyOf(request.headers) : undefined;
    return {
      id: user.id,
      role: user.role,
      requestId: request.id,
      authorization: typeof authorization === 'string' ? authorization : '',
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    };
  },
);
