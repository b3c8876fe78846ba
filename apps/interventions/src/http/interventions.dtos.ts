import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  INTERVENTION_WARNINGS,
  type Intervention,
  listInterventionsQuerySchema,
  recordInterventionSchema,
} from '@mg/interventions-domain';

/** Request bodies and queries, each made once from the domain's zod schemas. */
export class RecordInterventionDto extends createZodDto(recordInterventionSchema) {}
export class ListInterventionsQueryDto extends createZodDto(listInterventionsQuerySchema) {}

export const interventionResponseSchema = z.object({
  id: z.uuid(),
  billetId: z.uuid(),
  ticketId: z.uuid(),
  projectId: z.uuid(),
  recordedById: z.uuid(),
  actions: z.string(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  hoursSpent: z.number(),
  fixApplied: z.string().nullable(),
  filesChanged: z.string().nullable(),
  warnings: z
    .array(z.enum(INTERVENTION_WARNINGS))
    .describe("R16: TIME_OVERRUN when more than twice the billet's estimate was spent"),
  recordedAt: z.iso.datetime(),
});
export type InterventionResponse = z.infer<typeof interventionResponseSchema>;
export class InterventionResponseDto extends createZodDto(interventionResponseSchema) {}
export class InterventionPageResponseDto extends createZodDto(
  z.object({ items: z.array(interventionResponseSchema), nextCursor: z.string().nullable() }),
) {}

export const toInterventionResponse = (intervention: Intervention): InterventionResponse => ({
  id: intervention.id,
  billetId: intervention.billetId,
  ticketId: intervention.ticketId,
  projectId: intervention.projectId,
  recordedById: intervention.recordedById,
  actions: intervention.actions,
  startedAt: intervention.startedAt.toISOString(),
  endedAt: intervention.endedAt?.toISOString() ?? null,
  hoursSpent: intervention.hoursSpent,
  fixApplied: intervention.fixApplied,
  filesChanged: intervention.filesChanged,
  warnings: [...intervention.warnings],
  recordedAt: intervention.recordedAt.toISOString(),
});
