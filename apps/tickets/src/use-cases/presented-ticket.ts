import { type TicketLifecycleProgress } from '@mg/ticket-lifecycle-workflow';
import { type StoredTicket } from '@mg/tickets-data-access';
import { presentTicket, type TicketView } from '@mg/tickets-domain';

/** A ticket as the API answers it: its R7/R8/SLA view at `now`, and its workflow's progress. */
export interface PresentedTicket extends TicketView {
  /** Null when the workflow was not asked (lists, creation) or could not answer. */
  progress: TicketLifecycleProgress | null;
}

/**
 * Escalations (SPEC §6) are not stored by this slice yet: they come with the SLA timers, so a
 * ticket shows none until then.
 */
export const presentStoredTicket = (
  ticket: StoredTicket,
  now: Date,
  progress: TicketLifecycleProgress | null = null,
): PresentedTicket => ({ ...presentTicket({ ...ticket, escalations: [] }, now), progress });
