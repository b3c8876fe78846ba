import { type AuditEntry } from '@mg/shared-audit';
import { type EventActor, type Role } from '@mg/shared-kernel';

/** Who is calling, and what a use case needs to act on their behalf. */
export interface Caller {
  id: string;
  role: Role;
  /** Echoed into audit rows and workflow steps, to find the matching log lines. */
  requestId: string;
  /** The caller's own `Authorization` header, forwarded to the contracts service. */
  authorization: string;
  /** The request's `Idempotency-Key`, when it has one: retried workflow updates reuse it. */
  idempotencyKey?: string;
}

export const actorOf = (caller: Caller): Exclude<EventActor, 'system'> => ({
  id: caller.id,
  role: caller.role,
});

/** The who-and-when part of an audit entry. */
export const auditedBy = (caller: Caller): Pick<AuditEntry, 'actor' | 'requestId'> => ({
  actor: actorOf(caller),
  requestId: caller.requestId,
});
