import { type z } from 'zod';
import { DomainError } from '@mg/shared-kernel';
import { type StepContext } from '@mg/ticket-lifecycle-workflow';
import { type EventOrigin } from '../events/intervention-events';

/**
 * An activity's input is checked against the same domain schema as the HTTP body: the workflow
 * passes on what its updates were given, and a value the database would refuse (a CHECK) must be
 * a final refusal, not an error retried for ever.
 * @throws DomainError VALIDATION_FAILED
 */
export function parsedInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError(
    'VALIDATION_FAILED',
    'The workflow step carries invalid data.',
    parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

/** The audit row's who-and-which-request, from the step. */
export const auditedStep = (step: StepContext) => ({
  actor: step.actor,
  requestId: step.requestId,
});

/** The event's who-and-when, from the step. */
export const eventOrigin = (step: StepContext): EventOrigin => ({
  actor: step.actor,
  occurredAt: step.occurredAt,
});
