import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '@mg/shared-auth';
import { IssueTokenUseCase } from '../use-cases/issue-token/issue-token.use-case';
import { TokenRequestDto, TokenResponseDto } from './identity.dtos';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly issueToken: IssueTokenUseCase) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('token')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this address and email' })
  token(@Body() body: TokenRequestDto): Promise<TokenResponseDto> {
    return this.issueToken.execute(body);
  }
}
