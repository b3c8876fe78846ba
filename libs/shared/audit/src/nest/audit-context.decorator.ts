import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { type RequestWithUser } from '@mg/shared-auth';
import { DomainError } from '@mg/shared-kernel';
import { type AuditActor } from '../audit-entry';

/** What a use case needs from the request to fill an `AuditEntry`. */
export interface AuditRequestContext {
  actor: Exclude<AuditActor, 'system'>;
  requestId: string;
}

/**
 * The caller and request id, for a use case to pass on to `AuditTrail.record`:
 * `create(@Body() body: CreateContractDto, @AuditContext() audit: AuditRequestContext)`.
 * Only on `@RequirePermission()` routes, where the guard has verified the caller.
 */
export const AuditContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuditRequestContext => {
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithUser>();
    if (!request.user) {
      throw new DomainError('UNAUTHENTICATED', 'No authenticated caller on this route.');
    }
    return { actor: { id: request.user.id, role: request.user.role }, requestId: request.id };
  },
);
