import { DomainError } from '@mg/shared-kernel';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/** 1 to 255 visible ASCII characters (no space or control character): a UUID fits, so does a ULID. */
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The request's Idempotency-Key, undefined when it has none.
 * @throws DomainError VALIDATION_FAILED when the header is present but malformed or repeated.
 */
export function idempotencyKeyOf(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const value = headers[IDEMPOTENCY_KEY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && VALID_KEY.test(value)) return value;
  throw new DomainError('VALIDATION_FAILED', 'The Idempotency-Key header is invalid.', [
    {
      path: 'Idempotency-Key',
      message: 'Must be one header of 1 to 255 visible ASCII characters',
    },
  ]);
}
