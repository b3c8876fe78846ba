import { type Role } from '@mg/shared-kernel';
import { type TicketStatus } from './ticket.types';

/** The first entry of every ticket's timeline, written with the ticket itself. */
export const TICKET_CREATED_KIND = 'ticket.created';

/** A person (as their token said) or the system itself (SLA timers). */
export type HistoryActor = { id: string; role: Role } | 'system';

/**
 * One step of a ticket's timeline (SPEC §7 `GET /tickets/:id/history`): who did what, when, why,
 * and the status it left the ticket in. `kind` is the creation or a lifecycle step, named like
 * its event (`billet.issued`, `ticket.closed`, …).
 */
export interface TicketHistoryEntry {
  /** The workflow's step id (a fresh id for the creation). */
  id: string;
  ticketId: string;
  kind: string;
  actor: HistoryActor;
  occurredAt: Date;
  /** Given for rejections and reopenings. */
  reason: string | null;
  statusAfter: TicketStatus;
  /** What the step produced, e.g. `{ billetId, billetNumber }`. */
  details: Readonly<Record<string, unknown>>;
}
