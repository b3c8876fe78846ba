import { randomUUID } from 'node:crypto';
import { type EventActor, type EventEnvelope } from '@mg/shared-kernel';
import { type StoredTicket } from '@mg/tickets-data-access';
import { type TicketTransitionEvent } from '@mg/tickets-domain';

/** Bumped when the shape of `data` changes (SPEC §8 envelope `version`). */
export const TICKET_EVENT_VERSION = 1;

export type TicketEventType = 'ticket.created' | TicketTransitionEvent;

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** A ticket as events carry it: its stored fields, instants as ISO 8601 strings. */
export const ticketEventData = (ticket: StoredTicket) => ({
  ...ticket,
  createdAt: ticket.createdAt.toISOString(),
  slaDeadline: iso(ticket.slaDeadline),
  resolutionDeadline: iso(ticket.resolutionDeadline),
  firstBilletAt: iso(ticket.firstBilletAt),
  resolvedAt: iso(ticket.resolvedAt),
  closedAt: iso(ticket.closedAt),
  rejectedAt: iso(ticket.rejectedAt),
});

/**
 * A ticket event (SPEC §8) with a fresh id: the outbox row keeps it, so a re-publish carries the
 * same id and JetStream drops the duplicate. Exactly-once per step is the history row's job.
 */
export function ticketEvent(
  type: TicketEventType,
  ticket: StoredTicket,
  actor: EventActor,
  occurredAt: Date,
  extra: Record<string, unknown> = {},
): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version: TICKET_EVENT_VERSION,
    occurredAt: occurredAt.toISOString(),
    actor,
    projectId: ticket.projectId,
    ticketId: ticket.id,
    data: { ticket: ticketEventData(ticket), ...extra },
  };
}
