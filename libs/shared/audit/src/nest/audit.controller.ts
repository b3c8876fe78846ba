import {
  Controller,
  createParamDecorator,
  type ExecutionContext,
  Get,
  Inject,
  Query,
  type Type,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { type AuthenticatedUser, CurrentUser, RequirePermission } from '@mg/shared-auth';
import { type Page } from '@mg/shared-kernel';
import { AuditLogReader } from './audit-log-reader.service';
import { AUDIT_PROJECT_SCOPE, type AuditProjectScope } from './audit-project-scope';
import {
  AuditPageResponseDto,
  type AuditEntryResponse,
  AuditQueryDto,
  toAuditEntryResponse,
} from './audit.dtos';

/** The caller's own `Authorization` header, verified by the guard before the route runs. */
const Authorization = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const { authorization } = context.switchToHttp().getRequest<FastifyRequest>().headers;
  return typeof authorization === 'string' ? authorization : '';
});

/**
 * A service's `GET /audit` (SPEC §7), for `audit:read` (admins and project managers, SPEC §5),
 * narrowed to what the service's `AUDIT_PROJECT_SCOPE` lets the caller see. `description` is
 * what its OpenAPI document says of the trail.
 */
export function auditControllerDescribedAs(description: string): Type {
  @ApiTags('audit')
  @Controller('audit')
  class AuditController {
    constructor(
      private readonly reader: AuditLogReader,
      @Inject(AUDIT_PROJECT_SCOPE) private readonly projectScope: AuditProjectScope,
    ) {}

    @RequirePermission('audit:read')
    @Get()
    @ApiOkResponse({ type: AuditPageResponseDto, description })
    async list(
      @CurrentUser() caller: AuthenticatedUser,
      @Authorization() authorization: string,
      @Query() query: AuditQueryDto,
    ): Promise<Page<AuditEntryResponse>> {
      const projectIds = await this.projectScope(caller, authorization);
      const page = await this.reader.list(query, projectIds === undefined ? {} : { projectIds });
      return { items: page.items.map(toAuditEntryResponse), nextCursor: page.nextCursor };
    }
  }
  return AuditController;
}

/** `GET /audit` of a service whose entries belong to projects. */
export const AuditController = auditControllerDescribedAs(
  'This service’s audit trail, oldest first; a project manager sees their projects’',
);
