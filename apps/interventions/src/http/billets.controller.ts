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
import { GetBilletUseCase } from '../use-cases/get-billet/get-billet.use-case';
import { IssueBilletUseCase } from '../use-cases/issue-billet/issue-billet.use-case';
import { ListBilletsUseCase } from '../use-cases/list-billets/list-billets.use-case';
import {
  BilletPageResponseDto,
  type BilletResponse,
  BilletResponseDto,
  IssueBilletDto,
  ListBilletsQueryDto,
  toBilletResponse,
} from './billets.dtos';
import { RequestCaller } from './request-caller.decorator';

@ApiTags('billets')
@Controller('billets')
export class BilletsController {
  constructor(
    private readonly issueBillet: IssueBilletUseCase,
    private readonly listBillets: ListBilletsUseCase,
    private readonly getBillet: GetBilletUseCase,
  ) {}

  @RequirePermission('billets:issue')
  @Audited({ action: 'billet.issue', entityType: 'Billet' })
  @Post()
  @ApiCreatedResponse({ type: BilletResponseDto })
  @ApiNotFoundResponse({ description: 'No ticket of the caller’s projects has this ticketId' })
  @ApiUnprocessableEntityResponse({
    description:
      'TICKET_NOT_PROCESSABLE (R11: billable, rejected or closed ticket); DEVELOPER_NOT_ELIGIBLE (R12)',
  })
  async issue(
    @RequestCaller() caller: Caller,
    @Body() body: IssueBilletDto,
  ): Promise<BilletResponse> {
    return toBilletResponse(await this.issueBillet.execute(caller, body));
  }

  @RequirePermission('read')
  @Get()
  @ApiOkResponse({ type: BilletPageResponseDto, description: 'The billets of one ticket' })
  @ApiNotFoundResponse({ description: 'No ticket of the caller’s projects has this ticketId' })
  async list(
    @RequestCaller() caller: Caller,
    @Query() query: ListBilletsQueryDto,
  ): Promise<Page<BilletResponse>> {
    const page = await this.listBillets.execute(caller, query);
    return { items: page.items.map(toBilletResponse), nextCursor: page.nextCursor };
  }

  @RequirePermission('read')
  @Get(':id')
  @ApiOkResponse({ type: BilletResponseDto })
  @ApiNotFoundResponse({ description: 'No billet of the caller’s tickets has this id' })
  async get(@RequestCaller() caller: Caller, @Param('id') id: string): Promise<BilletResponse> {
    return toBilletResponse(await this.getBillet.execute(caller, id));
  }
}
