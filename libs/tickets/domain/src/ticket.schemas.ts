import { z } from 'zod';
import { MAX_REASON_LENGTH } from './ticket-lifecycle';
import { ORIGINS, SEVERITIES } from './ticket.types';

const notEmpty = { error: 'must not be empty' };

/**
 * POST /tickets. Everything the system decides (`number`, `status`, `billable`, …) is refused.
 * Without `contractId` the ticket is billable (R6).
 */
export const createTicketSchema = z.strictObject({
  projectId: z.uuid(),
  contractId: z.uuid().nullable().optional(),
  title: z.string().trim().min(1, notEmpty).max(200),
  description: z.string().trim().min(1, notEmpty).max(10_000),
  severity: z.enum(SEVERITIES),
  origin: z.enum(ORIGINS),
});

export type CreateTicketInput = z.infer<typeof createTicketSchema>;

/** POST /tickets/:id/reject and /reopen. */
export const ticketReasonSchema = z.strictObject({
  reason: z.string().trim().min(1, notEmpty).max(MAX_REASON_LENGTH),
});

export type TicketReasonInput = z.infer<typeof ticketReasonSchema>;
