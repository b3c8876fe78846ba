import { type AuditEntry } from '@mg/shared-audit';
import { type EventActor } from '@mg/shared-kernel';
import { type Viewer } from '@mg/contracts-domain';

/** Who is calling, and what a use case needs to act on their behalf. */
export interface Caller extends Viewer {
  /** Echoed into audit rows, to find the matching log lines. */
  requestId: string;
  /** The caller's own `Authorization` header, forwarded when asking identity about users. */
  authorization: string;
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
