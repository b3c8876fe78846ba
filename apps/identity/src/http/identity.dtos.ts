import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  createUserSchema,
  listUsersQuerySchema,
  roleSchema,
  tokenRequestSchema,
  tokenResponseSchema,
  updateUserSchema,
  type User,
} from '@mg/identity-domain';

/** Request and response bodies, each made once from the domain's zod schemas. */
export class TokenRequestDto extends createZodDto(tokenRequestSchema) {}
export class TokenResponseDto extends createZodDto(tokenResponseSchema) {}
export class CreateUserDto extends createZodDto(createUserSchema) {}
export class UpdateUserDto extends createZodDto(updateUserSchema) {}
export class ListUsersQueryDto extends createZodDto(listUsersQuerySchema) {}

/** A user as the API shows it: never the password hash, dates as ISO 8601 strings. */
export const userResponseSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UserResponse = z.infer<typeof userResponseSchema>;
export class UserResponseDto extends createZodDto(userResponseSchema) {}

export class UserPageResponseDto extends createZodDto(
  z.object({ items: z.array(userResponseSchema), nextCursor: z.string().nullable() }),
) {}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
