import { ERROR_CODES, type ErrorCode } from '@mg/shared-kernel';
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * RFC 9457 problem details, plus the stable `code` clients switch on and the request id. One
 * schema gives the TypeScript type and the OpenAPI component every error response refers to.
 */
export const problemDetailsSchema = z.object({
  type: z.string().meta({ example: 'urn:mg:problem:validation-failed' }),
  title: z.string().meta({ example: 'Validation failed' }),
  status: z.number().meta({ example: 400 }),
  detail: z.string(),
  code: z.enum(ERROR_CODES),
  errors: z
    .array(
      z.object({
        path: z.string().meta({ description: 'Dotted path, e.g. `items.0.name`' }),
        message: z.string(),
      }),
    )
    .optional(),
  requestId: z.string().meta({ description: 'Echoes the x-request-id response header' }),
});

export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

/**
 * A URN rather than an URL: RFC 9457 allows a type that does not resolve, and a made-up URL
 * would suggest documentation that does not exist.
 */
export const problemTypeFor = (code: ErrorCode): string =>
  `urn:mg:problem:${code.toLowerCase().replaceAll('_', '-')}`;

/** `CONTRACT_OVERLAP` → `Contract overlap`: the same title for every occurrence of a code. */
export const problemTitleFor = (code: ErrorCode): string => {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
