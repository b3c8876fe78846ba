import { type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, problemDetailsSchema } from '../problem/problem-details';

const PROBLEM_REF = { $ref: '#/components/schemas/ProblemDetails' };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * Every operation can fail with problem+json; saying so once here keeps controllers free of
 * repeated error decorators and documents the one error shape clients must handle.
 */
export function addProblemResponses(document: OpenAPIObject): OpenAPIObject {
  const {
    $schema: _ignored,
    id: _id,
    ...schema
  } = z.toJSONSchema(problemDetailsSchema, {
    target: 'openapi-3.0',
  }) as Record<string, unknown>;
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ProblemDetails: schema },
  };
  const mediaType = PROBLEM_CONTENT_TYPE.split(';')[0] ?? PROBLEM_CONTENT_TYPE;
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation || operation.responses.default) continue;
      operation.responses.default = {
        description: 'The request failed: RFC 9457 problem details.',
        content: { [mediaType]: { schema: PROBLEM_REF } },
      };
    }
  }
  return document;
}
