import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AuditPageResponseDto,
  type AuditEntryResponse,
  AuditQueryDto,
  toAuditEntryResponse,
} from '@mg/shared-audit';
import { RequirePermission } from '@mg/shared-auth';
import { type Page } from '@mg/shared-kernel';
import { type Caller } from '../use-cases/caller';
import { ListAuditEntriesUseCase } from '../use-cases/list-audit-entries/list-audit-entries.use-case';
import { RequestCaller } from './request-caller.decorator';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly listAuditEntries: ListAuditEntriesUseCase) {}

  @RequirePermission('audit:read')
  @Get()
  @ApiOkResponse({
    type: AuditPageResponseDto,
    description: 'This service’s audit trail, oldest first; a project manager sees their projects’',
  })
  async list(
    @RequestCaller() caller: Caller,
    @Query() query: AuditQueryDto,
  ): Promise<Page<AuditEntryResponse>> {
    const page = await this.listAuditEntries.execute(caller, query);
    return { items: page.items.map(toAuditEntryResponse), nextCursor: page.nextCursor };
  }
}
