import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermission } from '@mg/shared-auth';
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

  @RequirePermission('users:manage')
  @Post()
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN: another user has this email' })
  async create(@Body() body: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.createUser.execute(body));
  }

  @RequirePermission('users:manage')
  @Patch(':id')
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'No user has this id' })
  async update(@Param('id') id: string, @Body() body: UpdateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.updateUser.execute(id, body));
  }
}
