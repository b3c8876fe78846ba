import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@mg/shared-auth';
import { type Page } from '@mg/shared-kernel';
import { ListAuditEntriesUseCase } from '../use-cases/list-audit-entries/list-audit-entries.use-case';
import {
  AuditPageResponseDto,
  type AuditEntryResponse,
  AuditQueryDto,
  toAuditEntryResponse,
} from '@mg/shared-audit';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly listAuditEntries: ListAuditEntriesUseCase) {}

  // `audit:read` = admins and project managers (SPEC §5). Not scoped further: see the use case.
  @RequirePermission('audit:read')
  @Get()
  @ApiOkResponse({
    type: AuditPageResponseDto,
    description: 'Identity’s audit trail (users), oldest first',
  })
  async list(@Query() query: AuditQueryDto): Promise<Page<AuditEntryResponse>> {
    const page = await this.listAuditEntries.execute(query);
    return { items: page.items.map(toAuditEntryResponse), nextCursor: page.nextCursor };
  }
}
