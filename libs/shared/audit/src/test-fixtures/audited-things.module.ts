import { Body, Controller, HttpCode, Inject, Module, Param, Post } from '@nestjs/common';
import { RequirePermission } from '@mg/shared-auth';
import { type SqlExecutor } from '@mg/shared-database';
import { DomainError } from '@mg/shared-kernel';
import { AuditTrail } from '../audit-trail';
import { AuditContext, type AuditRequestContext } from '../nest/audit-context.decorator';
import { AUDIT_EXECUTOR } from '../nest/audit.tokens';
import { Audited } from '../nest/audited.decorator';

/** A tiny service: creating a thing records its success itself; refusals go through @Audited. */
@Controller('things')
export class ThingsController {
  constructor(@Inject(AUDIT_EXECUTOR) private readonly executor: SqlExecutor) {}

  @Post()
  @RequirePermission('contracts:write')
  @Audited({ action: 'thing.create', entityType: 'Thing' })
  async create(@Body() body: { name?: string }, @AuditContext() audit: AuditRequestContext) {
    if (body.name === 'taken') throw new DomainError('CONTRACT_OVERLAP', 'That name is taken.');
    if (body.name === 'crash') throw new Error('unexpected');
    if (typeof body.name !== 'string') {
      throw new DomainError('VALIDATION_FAILED', 'name is required', [
        { path: 'name', message: 'Required' },
      ]);
    }
    await AuditTrail.record(this.executor, {
      ...audit,
      action: 'thing.create',
      entityType: 'Thing',
      entityId: body.name,
      after: body,
    });
    return { name: body.name };
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('reports:validate')
  @Audited({ action: 'thing.approve', entityType: 'Thing', entityIdParam: 'id' })
  approve(@Param('id') id: string) {
    throw new DomainError('SELF_VALIDATION', `You may not approve ${id} yourself.`);
  }

  @Post(':id/archive')
  @RequirePermission('contracts:write')
  archive() {
    throw new DomainError('INVALID_TRANSITION', 'Not audited: no @Audited on this route.');
  }
}

@Module({ controllers: [ThingsController] })
export class AuditedThingsModule {}
