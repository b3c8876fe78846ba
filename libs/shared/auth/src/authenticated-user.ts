import { z } from 'zod';
import { type Role, ROLES } from '@mg/shared-kernel';

/**
 * The claims a service trusts once the signature, issuer, audience and expiry are checked. A token
 * whose claims do not match this shape is refused like a bad signature: a valid signature over
 * the wrong data is still not a user.
 */
export const tokenClaimsSchema = z.object({
  sub: z.string().min(1),
  email: z.email(),
  name: z.string().min(1),
  role: z.enum(ROLES),
});

/** Who is calling, as every service sees it. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export function userFromClaims(claims: unknown): AuthenticatedUser | undefined {
  const parsed = tokenClaimsSchema.safeParse(claims);
  if (!parsed.success) return undefined;
  const { sub, email, name, role } = parsed.data;
  return { id: sub, email, name, role };
}
