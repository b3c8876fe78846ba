import { type AuditEntry } from '@mg/shared-audit';
import { type Actor } from '@mg/interventions-domain';

/** Who is calling, and what a use case needs to act on their behalf. */
export interface Caller extends Actor {
  /** Echoed into audit rows (through the workflow), to find the matching log lines. */
  requestId: string;
  /**
   * The caller's own `Authorization` header, forwarded when reading tickets, projects and users
   * from the services that own them: they decide what the caller may see.
   */
  authorization: string;
  /** The request's `Idempotency-Key`, when it has one: it names the workflow update too. */
  idempotencyKey?: string;
}

export const actorOf = (caller: Caller): Actor => ({ id: caller.id, role: caller.role });

/** The who-and-when part of an audit entry. */
export const auditedBy = (caller: Caller): Pick<AuditEntry, 'actor' | 'requestId'> => ({
  actor: actorOf(caller),
  requestId: caller.requestId,
});
