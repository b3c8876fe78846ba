import { z } from 'zod';
import { optionalText, requiredText } from './schema-parts';

/** POST /reports. R17: `rootCause` and `solution` are required; the rest is optional text. */
export const submitReportSchema = z.strictObject({
  interventionId: z.uuid(),
  initialProblem: optionalText,
  rootCause: requiredText,
  solution: requiredText,
  systemImpact: optionalText,
  futureRisks: optionalText,
  recommendations: optionalText,
});

export type SubmitReportInput = z.infer<typeof submitReportSchema>;

/**
 * POST /reports/:id/validate: the validator is the caller and the time is the workflow's, so no
 * field is accepted; the body may be `{}` or left out entirely.
 */
export const validateReportSchema = z.strictObject({}).default({});
export type ValidateReportInput = z.infer<typeof validateReportSchema>;
