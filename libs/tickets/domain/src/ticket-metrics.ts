import { type TicketLifecycleState } from './ticket.types';

const MS_PER_HOUR = 3_600_000;

/** Hours between two instants, rounded to two decimals, never negative. */
export function hoursBetween(from: Date, to: Date): number {
  const hours = Math.max(0, to.getTime() - from.getTime()) / MS_PER_HOUR;
  return Math.round(hours * 100) / 100;
}

/** R7: work may be authorized only on a free ticket that is still open for work. */
export function isProcessable(ticket: Pick<TicketLifecycleState, 'billable' | 'status'>): boolean {
  return !ticket.billable && ticket.status !== 'REJECTED' && ticket.status !== 'CLOSED';
}

/** R8: hours since creation, frozen at closure or rejection. */
export function elapsedHours(
  ticket: { createdAt: Date } & Pick<TicketLifecycleState, 'closedAt' | 'rejectedAt'>,
  now: Date,
): number {
  return hoursBetween(ticket.createdAt, ticket.closedAt ?? ticket.rejectedAt ?? now);
}
