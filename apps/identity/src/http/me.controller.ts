import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, RequirePermission } from '@mg/shared-auth';
import { GetUserUseCase } from '../use-cases/get-user/get-user.use-case';
import { toUserResponse, type UserResponse, UserResponseDto } from './identity.dtos';

@ApiTags('users')
@Controller('me')
export class MeController {
  constructor(private readonly getUser: GetUserUseCase) {}

  @RequirePermission('read')
  @Get()
  @ApiOkResponse({ type: UserResponseDto })
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<UserResponse> {
    return toUserResponse(await this.getUser.execute(caller.id));
  }
}
