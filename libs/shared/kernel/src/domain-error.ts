import { type ErrorCode } from './error-codes';

/** One field-level problem, as reported in a 400 `VALIDATION_FAILED` body. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * A refusal the domain can explain: thrown by use cases and domain rules, mapped once per
 * transport (HTTP problem+json, Temporal ApplicationFailure, event rejection).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: readonly FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
