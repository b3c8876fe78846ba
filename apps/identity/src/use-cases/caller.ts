import { type AuditEntry } from '@mg/shared-audit';
import { type Role } from '@mg/shared-kernel';
import { type User } from '@mg/identity-domain';

/** Who is calling, and what a mutating use case needs to audit on their behalf. */
export interface Caller {
  id: string;
  role: Role;
  /** Echoed into audit rows, to find the matching log lines. */
  requestId: string;
}

/** The who-and-when part of an audit entry. */
export const auditedBy = (caller: Caller): Pick<AuditEntry, 'actor' | 'requestId'> => ({
  actor: { id: caller.id, role: caller.role },
  requestId: caller.requestId,
});

/** What an audit row keeps of a user. */
export type AuditedUser = Omit<User, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
  /** Present when the change set a new password: that it changed, never the password or hash. */
  password?: typeof REDACTED;
};

export const REDACTED = '[REDACTED]';

/**
 * A user as the audit trail records it: the listed fields only (never a password or its hash,
 * even if one were ever added to `User`), and `password: '[REDACTED]'` when it was changed.
 */
export function auditedUser(user: User, passwordChanged = false): AuditedUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    ...(passwordChanged ? { password: REDACTED } : {}),
  };
}
