import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ROLES } from '@mg/shared-kernel';
import { type AuthenticatedUser } from './authenticated-user';
import { CurrentUser } from './current-user.decorator';
import { RequirePermission } from './route-access.decorators';

const callerSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});

class CallerDto extends createZodDto(callerSchema) {}

/**
 * `GET /me` for services other than identity: the caller as this service sees it, straight from
 * the verified token (identity's `/me` reads the user record instead). Shows that a token issued
 * by identity is accepted here.
 */
@ApiTags('caller')
@Controller('me')
export class CallerController {
  @RequirePermission('read')
  @Get()
  @ApiOkResponse({ type: CallerDto })
  me(@CurrentUser() caller: AuthenticatedUser): CallerDto {
    const { id, email, name, role } = caller;
    return { id, email, name, role };
  }
}
