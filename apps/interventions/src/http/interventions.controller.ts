import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Audited } from '@mg/shared-audit';
import { RequirePermission } from '@mg/shared-auth';
import { type Page } from '@mg/shared-kernel';
import { type Caller } from '../use-cases/caller';
import { GetInterventionUseCase } from '../use-cases/get-intervention/get-intervention.use-case';
import { ListInterventionsUseCase } from '../use-cases/list-interventions/list-interventions.use-case';
import { RecordInterventionUseCase } from '../use-cases/record-intervention/record-intervention.use-case';
import {
  InterventionPageResponseDto,
  type InterventionResponse,
  InterventionResponseDto,
  ListInterventionsQueryDto,
  RecordInterventionDto,
  toInterventionResponse,
} from './interventions.dtos';
import { RequestCaller } from './request-caller.decorator';

@ApiTags('interventions')
@Controller('interventions')
export class InterventionsController {
  constructor(
    private readonly recordIntervention: RecordInterventionUseCase,
    private readonly listInterventions: ListInterventionsUseCase,
    private readonly getIntervention: GetInterventionUseCase,
  ) {}

  @RequirePermission('interventions:record')
  @Audited({ action: 'intervention.record', entityType: 'Intervention' })
  @Post()
  @ApiCreatedResponse({
    type: InterventionResponseDto,
    description: 'Recorded; `warnings` holds TIME_OVERRUN past twice the estimate (R16)',
  })
  @ApiNotFoundResponse({ description: 'No billet of the caller’s tickets has this billetId (R14)' })
  @ApiForbiddenResponse({
    description: 'A developer recording on another developer’s billet (R14)',
  })
  @ApiConflictResponse({ description: 'INVALID_TRANSITION: the ticket is not being worked on' })
  async record(
    @RequestCaller() caller: Caller,
    @Body() body: RecordInterventionDto,
  ): Promise<InterventionResponse> {
    return toInterventionResponse(await this.recordIntervention.execute(caller, body));
  }

  @RequirePermission('read')
  @Get()
  @ApiOkResponse({ type: InterventionPageResponseDto, description: 'The work under one billet' })
  @ApiNotFoundResponse({ description: 'No billet of the caller’s tickets has this billetId' })
  async list(
    @RequestCaller() caller: Caller,
    @Query() query: ListInterventionsQueryDto,
  ): Promise<Page<InterventionResponse>> {
    const page = await this.listInterventions.execute(caller, query);
    return { items: page.items.map(toInterventionResponse), nextCursor: page.nextCursor };
  }

  @RequirePermission('read')
  @Get(':id')
  @ApiOkResponse({ type: InterventionResponseDto })
  @ApiNotFoundResponse({ description: 'No intervention of the caller’s tickets has this id' })
  async get(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<InterventionResponse> {
    return toInterventionResponse(await this.getIntervention.execute(caller, id));
  }
}
