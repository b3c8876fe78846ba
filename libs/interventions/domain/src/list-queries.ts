import { z } from 'zod';
import { pageQuerySchema } from '@mg/shared-kernel';

/**
 * The list parameters of the interventions service. Each list hangs off one parent (a ticket or a
 * billet) whose visibility decides the caller's right to read it, so the parent is required.
 */
export const listBilletsQuerySchema = pageQuerySchema.extend({ ticketId: z.uuid() });
export type ListBilletsQuery = z.infer<typeof listBilletsQuerySchema>;

export const listInterventionsQuerySchema = pageQuerySchema.extend({ billetId: z.uuid() });
export type ListInterventionsQuery = z.infer<typeof listInterventionsQuerySchema>;

export const listReportsQuerySchema = pageQuerySchema.extend({ ticketId: z.uuid() });
export type ListReportsQuery = z.infer<typeof listReportsQuerySchema>;
