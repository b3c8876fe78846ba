import { z } from 'zod';
import { ROLES } from '@mg/shared-kernel';

/**
 * Passwords: at least 12 characters (length is what resists guessing; no composition rules, per
 * NIST SP 800-63B), at most 256 so a caller cannot make us hash megabytes.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Emails are compared case-insensitively by storing them lower-cased. */
export const emailSchema = z.email().max(254).toLowerCase();

export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const userNameSchema = z.string().trim().min(1).max(200);

export const roleSchema = z.enum(ROLES);

export const userIdSchema = z.uuid();

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: userNameSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    name: userNameSchema.optional(),
    role: roleSchema.optional(),
    password: passwordSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), {
    message: 'Give at least one of name, role, password, active.',
  });
export type UpdateUser = z.infer<typeof updateUserSchema>;

/**
 * Signing in checks the password, it does not judge it: no policy here, so an account created
 * before a policy change can still sign in. The maximum still bounds the hashing work.
 */
export const tokenRequestSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().positive().describe('Seconds until the token expires.'),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
