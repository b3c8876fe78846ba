import { ApplicationFailure } from '@temporalio/common';
import { isDomainError } from '@mg/shared-kernel';

/**
 * A `DomainError` thrown by an activity is a refusal (the developer is not a member of the
 * project, the report is already there), not a transient fault: left as a plain error, Temporal
 * would retry it for as long as the workflow allows. It leaves as a non-retryable failure typed
 * by its stable code, field errors as details, which the workflow hands on to the update's
 * caller unchanged.
 */
export function asActivityFailure(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: true,
    details: error.fieldErrors ? [error.fieldErrors] : [],
  });
}

/** The same activities, under the same names, their domain refusals made non-retryable. */
export function refusingActivities<Activities extends object>(activities: Activities): Activities {
  const wrapped = Object.entries(activities).map(([name, activity]) => {
    if (typeof activity !== 'function') return [name, activity];
    const refusing = async (...args: unknown[]) => {
      try {
        return await (activity as (...args: unknown[]) => unknown).apply(activities, args);
      } catch (error) {
        throw asActivityFailure(error);
      }
    };
    return [name, refusing];
  });
  return Object.fromEntries(wrapped) as Activities;
}
