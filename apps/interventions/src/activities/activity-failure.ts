import { ApplicationFailure } from '@temporalio/common';
import { isDomainError } from '@mg/shared-kernel';

/**
 * A domain refusal inside an activity is final: retrying cannot change the answer, so it becomes
 * a non-retryable `ApplicationFailure` typed by its stable code, which the workflow hands back to
 * the caller as it is. Anything else (a database blip) stays retryable: the step must happen.
 */
export function refusalsAreFinal<Input, Output>(
  run: (input: Input) => Promise<Output>,
): (input: Input) => Promise<Output> {
  return async (input) => {
    try {
      return await run(input);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      throw ApplicationFailure.create({
        type: error.code,
        message: error.message,
        nonRetryable: true,
        details: error.fieldErrors ? [error.fieldErrors] : [],
      });
    }
  };
}
