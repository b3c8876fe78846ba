import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { type RequestWithUser } from '@mg/shared-auth';
import { IDEMPOTENCY_KEY_HEADER } from '@mg/shared-idempotency';
import { DomainError } from '@mg/shared-kernel';
import { type Caller } from '../use-cases/caller';

/**
 * The verified caller with what a use case needs besides: the request id (audit trail, workflow
 * steps), the caller's own bearer header (to read projects and contracts on their behalf) and
 * the Idempotency-Key (validated by the idempotency interceptor, which runs first). Only on
 * `@RequirePermission()` routes, where the guard has verified the token.
 */
export const RequestCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => {
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithUser>();
    const { user } = request;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'No authenticated caller on this route.');
    const authorization = request.headers.authorization;
    const idempotencyKey = request.headers[IDEMPOTENCY_KEY_HEADER];
    return {
      id: user.id,
      role: user.role,
      requestId: request.id,
      authorization: typeof authorization === 'string' ? authorization : '',
      ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
    };
  },
);
