/**
 * Every error the system can answer with, by stable code. Codes are part of the public contract
 * (SPEC §4, §7): clients switch on them, so they never change meaning once published.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'SELF_VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'EMAIL_TAKEN',
  'CONTRACT_OVERLAP',
  'INVALID_TRANSITION',
  'REPORT_NOT_VALIDATED',
  'CONTRACT_PROJECT_MISMATCH',
  'TICKET_NOT_PROCESSABLE',
  'DEVELOPER_NOT_ELIGIBLE',
  /** R17: an intervention already has its technical report (409). */
  'REPORT_ALREADY_SUBMITTED',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
