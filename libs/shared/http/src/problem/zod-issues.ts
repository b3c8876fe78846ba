import { type FieldError } from '@mg/shared-kernel';
import { ZodValidationException } from 'nestjs-zod';
import { $ZodError, type $ZodIssue } from 'zod/v4/core';

/**
 * The issues of a validation failure, whether it is a bare zod error (a controller called
 * `schema.parse`, classic or mini) or nestjs-zod's `ZodValidationException` (the global pipe),
 * which wraps one. A `ZodSerializationException` is deliberately not matched: a response that
 * fails its own schema is our bug, not bad input.
 */
export function zodIssuesOf(error: unknown): readonly $ZodIssue[] | undefined {
  if (error instanceof $ZodError) return error.issues;
  if (error instanceof ZodValidationException) {
    const wrapped = error.getZodError();
    if (wrapped instanceof $ZodError) return wrapped.issues;
  }
  return undefined;
}

/** `['items', 0, 'name']` → `items.0.name`; an issue about the whole input has the path ''. */
export const fieldErrorsFromZodIssues = (issues: readonly $ZodIssue[]): FieldError[] =>
  issues.map((issue) => ({
    path: issue.path.map((segment) => String(segment)).join('.'),
    message: issue.message,
  }));
