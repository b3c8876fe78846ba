import { HttpException } from '@nestjs/common';
import { ERROR_CODES, type ErrorCode, type FieldError } from '@mg/shared-kernel';
import { isDependencyUnavailable } from './dependency-unavailable';
import { errorCodeForHttpStatus, HTTP_STATUS_BY_ERROR_CODE } from './http-status-by-error-code';
import { problemTitleFor, problemTypeFor, type ProblemDetails } from './problem-details';
import { fieldErrorsFromZodIssues, zodIssuesOf } from './zod-issues';

/** Shown instead of the real message: a 500 body must never carry a stack, SQL or internals. */
export const INTERNAL_ERROR_DETAIL =
  'An unexpected error occurred. Quote the request id when reporting it.';
export const SERVICE_UNAVAILABLE_DETAIL =
  'A service this request depends on is unavailable. Retry shortly.';

const FIXED_DETAILS: Partial<Record<number, string>> = {
  413: 'The request body is larger than this service accepts.',
  415: 'Unsupported media type: send JSON with content-type application/json.',
  429: 'Too many requests. Retry after the delay given in the retry-after header.',
};

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/**
 * Recognises a DomainError by shape as well as by class, so a second copy of the kernel package
 * (source in tests, dist at run time) still maps to the right status.
 */
function asDomainError(
  error: unknown,
): { code: ErrorCode; message: string; fieldErrors?: readonly FieldError[] } | undefined {
  if (!(error instanceof Error) || error.name !== 'DomainError') return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !KNOWN_CODES.has(code)) return undefined;
  return error as Error & { code: ErrorCode; fieldErrors?: readonly FieldError[] };
}

function problem(
  code: ErrorCode,
  status: number,
  detail: string,
  requestId: string,
  errors?: readonly FieldError[],
): ProblemDetails {
  return {
    type: problemTypeFor(code),
    title: problemTitleFor(code),
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
    requestId,
  };
}

/** The client-facing message of a framework HTTP exception (`message` may be a list). */
function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : exception.message;
}

function fromHttpStatus(status: number, message: string, requestId: string): ProblemDetails {
  const code = errorCodeForHttpStatus(status);
  if (code === 'SERVICE_UNAVAILABLE') {
    return problem(code, 503, SERVICE_UNAVAILABLE_DETAIL, requestId);
  }
  if (status >= 500) return problem('INTERNAL_ERROR', 500, INTERNAL_ERROR_DETAIL, requestId);
  return problem(code, status, FIXED_DETAILS[status] ?? message, requestId);
}

/** Fastify parser errors that Nest does not convert (its JSON parser throws a bare error). */
function clientStatusOf(error: unknown): number | undefined {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500
    ? statusCode
    : undefined;
}

/**
 * Maps anything thrown while serving a request to a problem+json body. Pure and total: every
 * input gives an answer, and only 4xx answers repeat the error's own message.
 */
export function toProblem(error: unknown, requestId: string): ProblemDetails {
  const domainError = asDomainError(error);
  if (domainError) {
    const status = HTTP_STATUS_BY_ERROR_CODE[domainError.code];
    const detail =
      status >= 500
        ? domainError.code === 'SERVICE_UNAVAILABLE'
          ? SERVICE_UNAVAILABLE_DETAIL
          : INTERNAL_ERROR_DETAIL
        : domainError.message;
    return problem(domainError.code, status, detail, requestId, domainError.fieldErrors);
  }

  const issues = zodIssuesOf(error);
  if (issues) {
    return problem(
      'VALIDATION_FAILED',
      400,
      'The request is invalid: see errors.',
      requestId,
      fieldErrorsFromZodIssues(issues),
    );
  }

  if (error instanceof HttpException) {
    return fromHttpStatus(error.getStatus(), messageOf(error), requestId);
  }

  const clientStatus = clientStatusOf(error);
  if (clientStatus !== undefined) {
    const message = error instanceof Error ? error.message : 'The request is malformed.';
    return fromHttpStatus(clientStatus, message, requestId);
  }

  if (isDependencyUnavailable(error)) {
    return problem('SERVICE_UNAVAILABLE', 503, SERVICE_UNAVAILABLE_DETAIL, requestId);
  }
  return problem('INTERNAL_ERROR', 500, INTERNAL_ERROR_DETAIL, requestId);
}
