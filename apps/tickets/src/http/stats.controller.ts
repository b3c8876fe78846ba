import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@mg/shared-auth';
import { type Caller } from '../use-cases/caller';
import { GetTicketStatsUseCase } from '../use-cases/get-ticket-stats/get-ticket-stats.use-case';
import { RequestCaller } from './request-caller.decorator';
import { type StatsResponse, StatsResponseDto } from './stats-responses';
import { TicketStatsQueryDto } from './tickets.dtos';

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly getStats: GetTicketStatsUseCase) {}

  @RequirePermission('read')
  @Get()
  @ApiOkResponse({ type: StatsResponseDto, description: 'The project’s maintenance indicators' })
  @ApiNotFoundResponse({ description: 'No project the caller belongs to has this projectId' })
  async stats(
    @RequestCaller() caller: Caller,
    @Query() query: TicketStatsQueryDto,
  ): Promise<StatsResponse> {
    return { projectId: query.projectId, ...(await this.getStats.execute(caller, query)) };
  }
}
