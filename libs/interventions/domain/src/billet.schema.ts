import { z } from 'zod';
import { BILLET_TYPES } from './intervention.types';
import { MAX_INTERVENTION_HOURS, optionalText } from './schema-parts';

/** POST /billets. R13: `estimatedHours` > 0. */
export const issueBilletSchema = z.strictObject({
  ticketId: z.uuid(),
  developerId: z.uuid(),
  type: z.enum(BILLET_TYPES),
  estimatedHours: z
    .number()
    .positive({ error: 'must be greater than 0' })
    .max(MAX_INTERVENTION_HOURS),
  instructions: optionalText,
});

export type IssueBilletInput = z.infer<typeof issueBilletSchema>;
