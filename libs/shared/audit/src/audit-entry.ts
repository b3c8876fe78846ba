import { type Role } from '@mg/shared-kernel';

/** Who acted: a user (as verified from their token), or the system itself (timers, workflows). */
export type AuditActor = { id: string; role: Role } | 'system';

/** What an action did, written in the same transaction as the change itself. */
export interface AuditEntry {
  actor: AuditActor;
  /** `<entity>.<verb>`, e.g. `contract.create`, `ticket.reject`. */
  action: string;
  /** e.g. `Contract`, `Ticket`. */
  entityType: string;
  entityId?: string | null;
  /** The project the entity belongs to, so listings can follow project membership. */
  projectId?: string | null;
  /** The entity before the change (JSON-serialisable); omit for a creation. */
  before?: unknown;
  /** The entity after the change (JSON-serialisable); omit for a deletion. */
  after?: unknown;
  /** A reason the user gave (reject, reopen), if any. */
  reason?: string | null;
  /** The request id (`x-request-id`), to find the matching log lines. */
  requestId?: string | null;
}

/** An action that was refused: nothing changed, so there is no before/after. */
export interface AuditRefusal extends Omit<AuditEntry, 'before' | 'after' | 'reason'> {
  /** The HTTP status answered (403, 409, 422). */
  statusCode: number;
  /** The error code answered, e.g. `CONTRACT_OVERLAP`. */
  reason: string;
}

export type AuditOutcome = 'SUCCEEDED' | 'REFUSED';

/** A written row's identity: `seq` is its position in the service's hash chain. */
export interface RecordedAuditEntry {
  id: string;
  seq: number;
}

/** What the `actor_role` column holds for `'system'`. */
export const SYSTEM_ACTOR_ROLE = 'SYSTEM';
