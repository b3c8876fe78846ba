import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  BILLET_TYPES,
  type Billet,
  issueBilletSchema,
  listBilletsQuerySchema,
} from '@mg/interventions-domain';

/** Request bodies and queries, each made once from the domain's zod schemas. */
export class IssueBilletDto extends createZodDto(issueBilletSchema) {}
export class ListBilletsQueryDto extends createZodDto(listBilletsQuerySchema) {}

export const billetResponseSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('R13: BILLET-00001, BILLET-00002, …'),
  ticketId: z.uuid(),
  projectId: z.uuid(),
  developerId: z.uuid().describe('R12: the developer or project manager it authorizes'),
  type: z.enum(BILLET_TYPES),
  estimatedHours: z.number(),
  instructions: z.string().nullable(),
  issuedById: z.uuid(),
  issuedAt: z.iso.datetime(),
});
export type BilletResponse = z.infer<typeof billetResponseSchema>;
export class BilletResponseDto extends createZodDto(billetResponseSchema) {}
export class BilletPageResponseDto extends createZodDto(
  z.object({ items: z.array(billetResponseSchema), nextCursor: z.string().nullable() }),
) {}

export const toBilletResponse = (billet: Billet): BilletResponse => ({
  id: billet.id,
  number: billet.number,
  ticketId: billet.ticketId,
  projectId: billet.projectId,
  developerId: billet.developerId,
  type: billet.type,
  estimatedHours: billet.estimatedHours,
  instructions: billet.instructions,
  issuedById: billet.issuedById,
  issuedAt: billet.issuedAt.toISOString(),
});
