import { type ErrorCode } from '@mg/shared-kernel';

/**
 * The one place where a domain error code becomes an HTTP status. `satisfies` makes the compiler
 * refuse a code that is missing here, so adding a code to the kernel forces a decision.
 */
export const HTTP_STATUS_BY_ERROR_CODE = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  SELF_VALIDATION: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  CONTRACT_OVERLAP: 409,
  INVALID_TRANSITION: 409,
  REPORT_NOT_VALIDATED: 409,
  REPORT_ALREADY_SUBMITTED: 409,
  PAYLOAD_TOO_LARGE: 413,
  CONTRACT_PROJECT_MISMATCH: 422,
  TICKET_NOT_PROCESSABLE: 422,
  DEVELOPER_NOT_ELIGIBLE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

/**
 * The code to report for an HTTP-level refusal that did not come from the domain (a framework
 * exception, a Fastify parser error): the status is kept, the code says what kind it is.
 */
export function errorCodeForHttpStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'MALFORMED_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
    case 504:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'MALFORMED_REQUEST';
  }
}
