import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Audited } from '@mg/shared-audit';
import { RequirePermission } from '@mg/shared-auth';
import { type Caller } from '../use-cases/caller';
import { CreateUserUseCase } from '../use-cases/create-user/create-user.use-case';
import { GetUserUseCase } from '../use-cases/get-user/get-user.use-case';
import { ListUsersUseCase } from '../use-cases/list-users/list-users.use-case';
import { UpdateUserUseCase } from '../use-cases/update-user/update-user.use-case';
import {
  CreateUserDto,
  ListUsersQueryDto,
  toUserResponse,
  UpdateUserDto,
  type UserResponse,
  UserPageResponseDto,
  UserResponseDto,
} from './identity.dtos';
import { RequestCaller } from './request-caller.decorator';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly listUsers: ListUsersUseCase,
    private readonly getUser: GetUserUseCase,
    private readonly createUser: CreateUserUseCase,
    private readonly updateUser: UpdateUserUseCase,
  ) {}

  @RequirePermission('users:read')
  @Get()
  @ApiOkResponse({ type: UserPageResponseDto })
  async list(
    @Query() query: ListUsersQueryDto,
  ): Promise<{ items: UserResponse[]; nextCursor: string | null }> {
    const page = await this.listUsers.execute(query);
    return { items: page.items.map(toUserResponse), nextCursor: page.nextCursor };
  }

  @RequirePermission('users:read')
  @Get(':id')
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'No user has this id' })
  async get(@Param('id') id: string): Promise<UserResponse> {
    return toUserResponse(await this.getUser.execute(id));
  }

  // Idempotency-Key: handled for every authenticated POST by IdempotencyModule.
  @RequirePermission('users:manage')
  @Audited({ action: 'user.create', entityType: 'User' })
  @Post()
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN: another user has this email' })
  async create(
    @RequestCaller() caller: Caller,
    @Body() body: CreateUserDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.createUser.execute(caller, body));
  }

  @RequirePermission('users:manage')
  @Audited({ action: 'user.update', entityType: 'User', entityIdParam: 'id' })
  @Patch(':id')
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'No user has this id' })
  async update(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.updateUser.execute(caller, id, body));
  }
}
