import { type TicketSummary } from '@mg/shared-service-clients';
import { type TicketLifecycleInput } from '@mg/ticket-lifecycle-workflow';
import { actorOf, type Caller } from './caller';

/**
 * What the ticket's workflow needs to be started, should it never have been (the tickets service
 * starts it at creation; a start that failed then is made up for on the first step).
 */
export const lifecycleInputOf = (ticket: TicketSummary): TicketLifecycleInput => ({
  ticketId: ticket.id,
  number: ticket.number,
  projectId: ticket.projectId,
  billable: ticket.billable,
  status: ticket.status,
  rejectionReason: ticket.rejectionReason,
});

/**
 * The workflow update's id when the request carries an Idempotency-Key: Temporal applies one
 * update id once per run, so a request retried after a timeout (which released its key) cannot
 * apply its step twice. Scoped by caller and route, like the key itself.
 */
export const updateIdOf = (caller: Caller, route: string): string | undefined =>
  caller.idempotencyKey === undefined
    ? undefined
    : `${caller.id}:${caller.idempotencyKey}:${route}`;

/** Who asks the workflow for a step, and which request it comes from (for the audit rows). */
export const byCaller = (caller: Caller) => ({
  actor: actorOf(caller),
  requestId: caller.requestId,
});
