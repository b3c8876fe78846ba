import { type TicketLifecycleInput } from '@mg/ticket-lifecycle-workflow';
import { type StoredTicket } from '@mg/tickets-data-access';

/**
 * What a ticket's workflow starts from. Lazily started workflows (their start failed at
 * creation) adopt the stored status, so an update never runs against a fresh OPEN state.
 */
export const lifecycleInputOf = (ticket: StoredTicket): TicketLifecycleInput => ({
  ticketId: ticket.id,
  number: ticket.number,
  projectId: ticket.projectId,
  billable: ticket.billable,
  status: ticket.status,
  rejectionReason: ticket.rejectionReason,
});
