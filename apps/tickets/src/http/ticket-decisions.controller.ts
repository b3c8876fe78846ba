import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '@mg/shared-audit';
import { RequirePermission } from '@mg/shared-auth';
import { type Caller } from '../use-cases/caller';
import { CloseTicketUseCase } from '../use-cases/close-ticket/close-ticket.use-case';
import { RejectTicketUseCase } from '../use-cases/reject-ticket/reject-ticket.use-case';
import { ReopenTicketUseCase } from '../use-cases/reopen-ticket/reopen-ticket.use-case';
import { RequestCaller } from './request-caller.decorator';
import { type TicketResponse, TicketResponseDto, toTicketResponse } from './ticket-responses';
import { CloseTicketDto, TicketReasonDto } from './tickets.dtos';

const NOT_VISIBLE = 'No ticket of the caller’s projects has this id';
const OUT_OF_ORDER = 'INVALID_TRANSITION: the ticket’s status does not allow it (R9)';

/**
 * A project manager's decisions on a ticket (SPEC §7). Each is a Temporal update of the ticket's
 * workflow, refused synchronously when out of order; the answer is the ticket as stored after it.
 */
@ApiTags('tickets')
@Controller('tickets/:id')
export class TicketDecisionsController {
  constructor(
    private readonly closeTicket: CloseTicketUseCase,
    private readonly rejectTicket: RejectTicketUseCase,
    private readonly reopenTicket: ReopenTicketUseCase,
  ) {}

  @RequirePermission('tickets:decide')
  @Audited({ action: 'ticket.closed', entityType: 'Ticket', entityIdParam: 'id' })
  @Post('close')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketResponseDto, description: 'RESOLVED → CLOSED; R8 freezes' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({
    description: `REPORT_NOT_VALIDATED: no validated technical report (R10); ${OUT_OF_ORDER}`,
  })
  async close(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
    @Body() _body: CloseTicketDto,
  ): Promise<TicketResponse> {
    return toTicketResponse(await this.closeTicket.execute(caller, id));
  }

  @RequirePermission('tickets:decide')
  @Audited({ action: 'ticket.rejected', entityType: 'Ticket', entityIdParam: 'id' })
  @Post('reject')
  @HttpCode(200)
  @ApiOkResponse({
    type: TicketResponseDto,
    description: 'OPEN|IN_PROGRESS → REJECTED; R8 freezes',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  async reject(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: TicketReasonDto,
  ): Promise<TicketResponse> {
    return toTicketResponse(await this.rejectTicket.execute(caller, id, body));
  }

  @RequirePermission('tickets:decide')
  @Audited({ action: 'ticket.reopened', entityType: 'Ticket', entityIdParam: 'id' })
  @Post('reopen')
  @HttpCode(200)
  @ApiOkResponse({
    type: TicketResponseDto,
    description:
      'RESOLVED → IN_PROGRESS: the fix was not accepted; a new validated report is needed',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  async reopen(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: TicketReasonDto,
  ): Promise<TicketResponse> {
    return toTicketResponse(await this.reopenTicket.execute(caller, id, body));
  }
}
