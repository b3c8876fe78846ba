import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { isDomainError } from '@mg/shared-kernel';

/**
 * How the workflow's refusals cross the wire (workflow code). A domain refusal becomes a
 * non-retryable failure typed by its stable code (SPEC §4), its field errors as details; the
 * client turns it back into the same `DomainError`.
 */
export function asFailure(error: unknown): unknown {
  if (isDomainError(error)) {
    return ApplicationFailure.create({
      type: error.code,
      message: error.message,
      nonRetryable: true,
      details: error.fieldErrors ? [error.fieldErrors] : [],
    });
  }
  // A service's refusal from its activity reaches the caller with its code, not wrapped.
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
    return error.cause;
  }
  return error;
}

/** For update validators, which must stay synchronous: an async validator would never refuse. */
export function refuse(check: () => unknown): void {
  try {
    check();
  } catch (error) {
    throw asFailure(error);
  }
}
