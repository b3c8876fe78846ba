import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Audited } from '@mg/shared-audit';
import { RequirePermission } from '@mg/shared-auth';
import { type Page } from '@mg/shared-kernel';
import { type Caller } from '../use-cases/caller';
import { CreateTicketUseCase } from '../use-cases/create-ticket/create-ticket.use-case';
import { GetTicketHistoryUseCase } from '../use-cases/get-ticket-history/get-ticket-history.use-case';
import { GetTicketUseCase } from '../use-cases/get-ticket/get-ticket.use-case';
import { ListTicketsUseCase } from '../use-cases/list-tickets/list-tickets.use-case';
import { RequestCaller } from './request-caller.decorator';
import {
  type HistoryEntryResponse,
  TicketHistoryResponseDto,
  TicketPageResponseDto,
  type TicketResponse,
  TicketResponseDto,
  toHistoryEntryResponse,
  toTicketResponse,
} from './ticket-responses';
import { CreateTicketDto, GetTicketQueryDto, ListTicketsQueryDto } from './tickets.dtos';

const NOT_VISIBLE = 'No ticket of the caller’s projects has this id';

@ApiTags('tickets')
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly createTicket: CreateTicketUseCase,
    private readonly listTickets: ListTicketsUseCase,
    private readonly getTicket: GetTicketUseCase,
    private readonly getHistory: GetTicketHistoryUseCase,
  ) {}

  @RequirePermission('tickets:create')
  @Audited({ action: 'ticket.created', entityType: 'Ticket', projectIdFrom: { body: 'projectId' } })
  @Post()
  @ApiCreatedResponse({
    type: TicketResponseDto,
    description: 'Numbered (R5), covered or billable (R6)',
  })
  @ApiNotFoundResponse({ description: 'No project (or contract) the caller may see has this id' })
  @ApiUnprocessableEntityResponse({
    description: 'CONTRACT_PROJECT_MISMATCH: the contract belongs to another project (R6)',
  })
  async create(
    @RequestCaller() caller: Caller,
    @Body() body: CreateTicketDto,
  ): Promise<TicketResponse> {
    return toTicketResponse(await this.createTicket.execute(caller, body));
  }

  @RequirePermission('read')
  @Get()
  @ApiOkResponse({ type: TicketPageResponseDto, description: 'Tickets of the caller’s projects' })
  @ApiNotFoundResponse({ description: 'projectId names a project the caller cannot see' })
  async list(
    @RequestCaller() caller: Caller,
    @Query() query: ListTicketsQueryDto,
  ): Promise<Page<TicketResponse>> {
    const page = await this.listTickets.execute(caller, query);
    return { items: page.items.map(toTicketResponse), nextCursor: page.nextCursor };
  }

  @RequirePermission('read')
  @Get(':id')
  @ApiOkResponse({ type: TicketResponseDto })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async get(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: GetTicketQueryDto,
  ): Promise<TicketResponse> {
    return toTicketResponse(await this.getTicket.execute(caller, id, query));
  }

  @RequirePermission('read')
  @Get(':id/history')
  @ApiOkResponse({
    type: TicketHistoryResponseDto,
    description:
      'The timeline, oldest first: the creation, then every step with actor, time, reason',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async history(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<{ items: HistoryEntryResponse[] }> {
    const entries = await this.getHistory.execute(caller, id);
    return { items: entries.map(toHistoryEntryResponse) };
  }
}
