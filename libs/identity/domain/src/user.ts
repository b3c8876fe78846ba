import { type Role } from '@mg/shared-kernel';

/**
 * A person who can sign in. The password hash is deliberately not part of it: only the
 * credential check ever sees a hash, through `UserCredentials`.
 */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A user together with the hash to check a password against; never leaves the token use case. */
export interface UserCredentials {
  user: User;
  passwordHash: string;
}
