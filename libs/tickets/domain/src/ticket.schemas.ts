import { z } from 'zod';
import { pageQuerySchema } from '@mg/shared-kernel';
import { MAX_REASON_LENGTH } from './ticket-lifecycle';
import { ORIGINS, SEVERITIES, TICKET_STATUSES } from './ticket.types';

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

/** POST /tickets/:id/close: nothing to say (an empty object, or no body at all). */
export const closeTicketSchema = z.preprocess((body) => body ?? {}, z.strictObject({}));

/** `GET /tickets?projectId=&status=&severity=&billable=&limit=&cursor=`; unknown parameters are refused. */
export const listTicketsQuerySchema = pageQuerySchema.extend({
  projectId: z.uuid().optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  billable: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export type ListTicketsQuery = z.infer<typeof listTicketsQuerySchema>;

/** `GET /stats?projectId=`: the indicators are per project. */
/**
 * `GET /tickets/:id?progress=false` skips asking the workflow: services reading a ticket's number
 * and status need no progress, and must not wait on a workflow worker that is down.
 */
export const getTicketQuerySchema = z.strictObject({
  progress: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});
export type GetTicketQuery = z.infer<typeof getTicketQuerySchema>;

export const ticketStatsQuerySchema = z.strictObject({ projectId: z.uuid() });

export type TicketStatsQuery = z.infer<typeof ticketStatsQuerySchema>;
