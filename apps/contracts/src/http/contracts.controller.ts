import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Audited } from '@mg/shared-audit';
import { type AuthenticatedUser, CurrentUser, RequirePermission } from '@mg/shared-auth';
import { type Page } from '@mg/shared-kernel';
import { type Caller } from '../use-cases/caller';
import { CreateContractUseCase } from '../use-cases/create-contract/create-contract.use-case';
import { GetContractUseCase } from '../use-cases/get-contract/get-contract.use-case';
import { ListContractsUseCase } from '../use-cases/list-contracts/list-contracts.use-case';
import { UpdateContractUseCase } from '../use-cases/update-contract/update-contract.use-case';
import {
  ContractPageResponseDto,
  type ContractResponse,
  ContractResponseDto,
  CreateContractDto,
  ListContractsQueryDto,
  toContractResponse,
  UpdateContractDto,
} from './contracts.dtos';
import { RequestCaller } from './request-caller.decorator';

const OVERLAP = 'CONTRACT_OVERLAP: a contract of the same type covers some of these days (R2)';

@ApiTags('contracts')
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly listContracts: ListContractsUseCase,
    private readonly getContract: GetContractUseCase,
    private readonly createContract: CreateContractUseCase,
    private readonly updateContract: UpdateContractUseCase,
  ) {}

  @RequirePermission('read')
  @Get()
  @ApiOkResponse({
    type: ContractPageResponseDto,
    description: 'Contracts of the caller’s projects',
  })
  async list(
    @CurrentUser() viewer: AuthenticatedUser,
    @Query() query: ListContractsQueryDto,
  ): Promise<Page<ContractResponse>> {
    const page = await this.listContracts.execute(viewer, query);
    return { items: page.items.map(toContractResponse), nextCursor: page.nextCursor };
  }

  @RequirePermission('contracts:write')
  @Audited({
    action: 'contract.create',
    entityType: 'Contract',
    projectIdFrom: { body: 'projectId' },
  })
  @Post()
  @ApiCreatedResponse({ type: ContractResponseDto })
  @ApiNotFoundResponse({ description: 'No project the caller belongs to has this projectId' })
  @ApiConflictResponse({ description: OVERLAP })
  async create(
    @RequestCaller() caller: Caller,
    @Body() body: CreateContractDto,
  ): Promise<ContractResponse> {
    return toContractResponse(await this.createContract.execute(caller, body));
  }

  @RequirePermission('read')
  @Get(':id')
  @ApiOkResponse({ type: ContractResponseDto })
  @ApiNotFoundResponse({ description: 'No contract of the caller’s projects has this id' })
  async get(
    @CurrentUser() viewer: AuthenticatedUser,
    @Param('id') id: string,
  ): Promise<ContractResponse> {
    return toContractResponse(await this.getContract.execute(viewer, id));
  }

  @RequirePermission('contracts:write')
  @Audited({ action: 'contract.update', entityType: 'Contract', entityIdParam: 'id' })
  @Patch(':id')
  @ApiOkResponse({ type: ContractResponseDto })
  @ApiNotFoundResponse({ description: 'No contract of the caller’s projects has this id' })
  @ApiConflictResponse({ description: OVERLAP })
  async update(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateContractDto,
  ): Promise<ContractResponse> {
    return toContractResponse(await this.updateContract.execute(caller, id, body));
  }
}
