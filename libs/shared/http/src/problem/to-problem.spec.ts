import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError, ERROR_CODES } from '@mg/shared-kernel';
import { ZodSerializationException, ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { HTTP_STATUS_BY_ERROR_CODE } from './http-status-by-error-code';
import { INTERNAL_ERROR_DETAIL, SERVICE_UNAVAILABLE_DETAIL, toProblem } from './to-problem';

const REQUEST_ID = 'req-1';

const zodErrorOf = (schema: z.ZodType, value: unknown): z.ZodError => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be invalid');
  return result.error;
};

const order = z.object({
  endDate: z.iso.date(),
  items: z.array(z.object({ name: z.string().min(1) })),
});

describe('toProblem', () => {
  describe('domain errors', () => {
    it.each(ERROR_CODES.map((code) => [code]))(
      'answers %s with the status of the one table and keeps the code',
      (code) => {
        const result = toProblem(new DomainError(code, 'domain says no'), REQUEST_ID);
        expect(result.status).toBe(HTTP_STATUS_BY_ERROR_CODE[code]);
        expect(result.code).toBe(code);
        expect(result.requestId).toBe(REQUEST_ID);
      },
    );

    it('gives every error code a status in the table, and nothing else', () => {
      expect(Object.keys(HTTP_STATUS_BY_ERROR_CODE).sort()).toEqual([...ERROR_CODES].sort());
    });

    it('repeats the domain message and field errors of a client error', () => {
      const error = new DomainError('CONTRACT_OVERLAP', 'Overlaps contract C-1', [
        { path: 'endDate', message: 'overlaps' },
      ]);
      expect(toProblem(error, REQUEST_ID)).toEqual({
        type: 'urn:mg:problem:contract-overlap',
        title: 'Contract overlap',
        status: 409,
        detail: 'Overlaps contract C-1',
        code: 'CONTRACT_OVERLAP',
        errors: [{ path: 'endDate', message: 'overlaps' }],
        requestId: REQUEST_ID,
      });
    });

    it('omits errors when a domain error has none', () => {
      expect(
        toProblem(new DomainError('NOT_FOUND', 'No such ticket'), REQUEST_ID),
      ).not.toHaveProperty('errors');
    });

    it('hides the message of a domain error that maps to a 5xx', () => {
      const internal = toProblem(new DomainError('INTERNAL_ERROR', 'pool exhausted'), REQUEST_ID);
      expect(internal.detail).toBe(INTERNAL_ERROR_DETAIL);
      const unavailable = toProblem(new DomainError('SERVICE_UNAVAILABLE', 'nats'), REQUEST_ID);
      expect(unavailable.detail).toBe(SERVICE_UNAVAILABLE_DETAIL);
    });
  });

  describe('validation', () => {
    it('answers a zod error with 400 VALIDATION_FAILED and dotted field paths', () => {
      const error = zodErrorOf(order, { endDate: 'tomorrow', items: [{ name: '' }] });
      const result = toProblem(error, REQUEST_ID);
      expect(result).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(result.errors?.map((fieldError) => fieldError.path)).toEqual([
        'endDate',
        'items.0.name',
      ]);
      expect(result.errors?.every((fieldError) => fieldError.message.length > 0)).toBe(true);
    });

    it('unwraps the ZodValidationException thrown by the global pipe', () => {
      const error = new ZodValidationException(zodErrorOf(order, { items: [] }));
      expect(toProblem(error, REQUEST_ID)).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'endDate' }],
      });
    });

    it('reports an issue about the whole input under the empty path', () => {
      const result = toProblem(zodErrorOf(order, undefined), REQUEST_ID);
      expect(result.errors).toEqual([{ path: '', message: expect.any(String) }]);
    });

    it('treats a response failing its own schema as our bug (500), not bad input', () => {
      const error = new ZodSerializationException(zodErrorOf(order, {}));
      expect(toProblem(error, REQUEST_ID)).toMatchObject({
        status: 500,
        code: 'INTERNAL_ERROR',
        detail: INTERNAL_ERROR_DETAIL,
      });
    });
  });

  describe('framework and transport errors', () => {
    it.each([
      [new BadRequestException('bad cursor'), 400, 'MALFORMED_REQUEST'],
      [new UnauthorizedException(), 401, 'UNAUTHENTICATED'],
      [new ForbiddenException(), 403, 'FORBIDDEN'],
      [new NotFoundException('Cannot GET /nope'), 404, 'NOT_FOUND'],
      [new PayloadTooLargeException(), 413, 'PAYLOAD_TOO_LARGE'],
      [new HttpException('Unsupported Media Type', 415), 415, 'MALFORMED_REQUEST'],
      [new ThrottlerException(), 429, 'RATE_LIMITED'],
      [new ServiceUnavailableException(), 503, 'SERVICE_UNAVAILABLE'],
    ])('maps %p to %i %s', (error, status, code) => {
      expect(toProblem(error, REQUEST_ID)).toMatchObject({ status, code });
    });

    it('keeps the message of a 4xx framework exception as the detail', () => {
      expect(toProblem(new NotFoundException('Cannot GET /nope'), REQUEST_ID).detail).toBe(
        'Cannot GET /nope',
      );
    });

    it('answers a bare parser error carrying statusCode 400 with MALFORMED_REQUEST', () => {
      const parserError = Object.assign(new SyntaxError('Unexpected token } in JSON'), {
        statusCode: 400,
      });
      expect(toProblem(parserError, REQUEST_ID)).toMatchObject({
        status: 400,
        code: 'MALFORMED_REQUEST',
      });
    });

    it('never repeats the message of a 5xx framework exception', () => {
      const result = toProblem(
        new InternalServerErrorException('relation "x" does not exist'),
        REQUEST_ID,
      );
      expect(result).toMatchObject({
        status: 500,
        code: 'INTERNAL_ERROR',
        detail: INTERNAL_ERROR_DETAIL,
      });
    });
  });

  describe('unexpected errors', () => {
    it('answers 500 with a generic detail and no stack, SQL or message', () => {
      const error = new Error('insert into "users" failed: duplicate key');
      const result = toProblem(error, REQUEST_ID);
      expect(result).toEqual({
        type: 'urn:mg:problem:internal-error',
        title: 'Internal error',
        status: 500,
        detail: INTERNAL_ERROR_DETAIL,
        code: 'INTERNAL_ERROR',
        requestId: REQUEST_ID,
      });
      const body = JSON.stringify(result);
      expect(body).not.toContain('insert into');
      expect(body).not.toContain(error.stack?.split('\n')[1]?.trim() ?? 'at ');
    });

    it.each([['a string'], [undefined], [null], [42], [{ message: 'plain object' }]])(
      'answers a thrown non-error %p with 500',
      (thrown) => {
        expect(toProblem(thrown, REQUEST_ID)).toMatchObject({
          status: 500,
          code: 'INTERNAL_ERROR',
        });
      },
    );
  });

  describe('unavailable dependencies', () => {
    const withCode = (message: string, fields: Record<string, unknown>) =>
      Object.assign(new Error(message), fields);

    it.each([
      [
        'a refused PostgreSQL socket',
        withCode('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' }),
      ],
      [
        'an AggregateError of refused addresses (Node happy eyeballs)',
        new AggregateError([withCode('refused', { code: 'ECONNREFUSED' })], 'connect failed'),
      ],
      [
        'Prisma P1001 (cannot reach the database)',
        withCode("Can't reach database server", { code: 'P1001' }),
      ],
      [
        'Prisma pool timeout P2024',
        withCode('Timed out fetching a new connection', { code: 'P2024' }),
      ],
      [
        'a driver adapter error whose cause is DatabaseNotReachable',
        withCode('adapter', { cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1' } }),
      ],
      [
        'PostgreSQL shutting down (57P01)',
        withCode('terminating connection', { code: '57P01', severity: 'FATAL' }),
      ],
      [
        'a Temporal ServiceError over gRPC UNAVAILABLE',
        Object.assign(new Error('Failed to connect'), {
          name: 'ServiceError',
          cause: withCode('14 UNAVAILABLE: No connection established', {
            code: 14,
            details: 'x',
            metadata: {},
          }),
        }),
      ],
      [
        'a raw gRPC DEADLINE_EXCEEDED',
        withCode('4 DEADLINE_EXCEEDED', { code: 4, details: 'Deadline exceeded', metadata: {} }),
      ],
      [
        'a closed NATS connection',
        Object.assign(new Error('closed connection'), { name: 'ClosedConnectionError' }),
      ],
      [
        'JetStream without responders',
        Object.assign(new Error('no responders'), { name: 'NoResponders' }),
      ],
    ])('answers %s with 503 SERVICE_UNAVAILABLE', (_case, error) => {
      expect(toProblem(error, REQUEST_ID)).toEqual(
        expect.objectContaining({
          status: 503,
          code: 'SERVICE_UNAVAILABLE',
          detail: SERVICE_UNAVAILABLE_DETAIL,
        }),
      );
    });
  });
});
