import { z } from 'zod';
import { instant, MAX_INTERVENTION_HOURS, optionalText, requiredText } from './schema-parts';

/** POST /interventions. R15: `endedAt` after `startedAt`, `hoursSpent` ≥ 0. */
export const recordInterventionSchema = z
  .strictObject({
    billetId: z.uuid(),
    actions: requiredText,
    startedAt: instant,
    endedAt: instant.nullable().optional(),
    hoursSpent: z.number().min(0, { error: 'must not be negative' }).max(MAX_INTERVENTION_HOURS),
    fixApplied: optionalText,
    filesChanged: optionalText,
  })
  .superRefine((value, ctx) => {
    if (value.endedAt && Date.parse(value.endedAt) <= Date.parse(value.startedAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['endedAt'],
        message: 'endedAt must be after startedAt',
      });
    }
  });

export type RecordInterventionInput = z.infer<typeof recordInterventionSchema>;
