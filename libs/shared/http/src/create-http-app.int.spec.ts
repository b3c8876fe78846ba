import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { createHttpApp } from './create-http-app';
import { type ReadinessCheck } from './health/readiness-check';
import { PROBLEM_CONTENT_TYPE } from './problem/problem-details';
import { INTERNAL_ERROR_DETAIL } from './problem/to-problem';
import { SampleOrdersModule } from './test-fixtures/sample-orders.module';

const databaseCheck: ReadinessCheck = { name: 'database', check: () => Promise.resolve() };
const hangingCheck: ReadinessCheck = {
  name: 'temporal',
  check: () => new Promise(() => undefined),
};

describe('createHttpApp', () => {
  let app: NestFastifyApplication;
  let http: FastifyInstance;
  const logLines: string[] = [];
  const logs = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    app = await createHttpApp(SampleOrdersModule, {
      serviceName: 'orders',
      logLevel: 'info',
      openApi: { title: 'Orders API', description: 'test' },
      bodyLimitBytes: 1024,
      readinessChecks: [databaseCheck, hangingCheck],
      readinessTimeoutMs: 200,
      globalPrefix: 'api/v1',
      logDestination: { write: (line: string) => logLines.push(line) },
    });
    await app.init();
    http = app.getHttpAdapter().getInstance();
    await http.ready();
  });

  afterAll(async () => {
    require('fs').writeFileSync('/tmp/http-logs.txt', logLines.join(''));
    require('fs').writeFileSync(
      '/tmp/openapi.json',
      (await http.inject({ url: '/api/docs/openapi.json' })).body,
    );
    await app.close();
  });

  const post = (url: string, payload: string, contentType = 'application/json') =>
    http.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });

  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ status, code, requestId: response.headers['x-request-id'] });
    expect(typeof body.type).toBe('string');
    expect(typeof body.title).toBe('string');
    expect(typeof body.detail).toBe('string');
    return body;
  };

  describe('errors as problem+json', () => {
    it('answers an invalid body with 400 VALIDATION_FAILED naming each field by dotted path', async () => {
      const response = await post(
        '/api/v1/orders',
        JSON.stringify({ endDate: 'soon', items: [{ name: '' }] }),
      );
      const body = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect((body.errors as { path: string }[]).map((error) => error.path)).toEqual([
        'endDate',
        'items.0.name',
      ]);
    });

    it('accepts a valid body', async () => {
      const response = await post(
        '/api/v1/orders',
        JSON.stringify({ endDate: '2030-01-31', items: [{ name: 'a' }] }),
      );
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ items: 1 });
    });

    it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
      expectProblem(await post('/api/v1/orders', '{"endDate": '), 400, 'MALFORMED_REQUEST');
    });

    it('answers an empty JSON body with 400 MALFORMED_REQUEST', async () => {
      expectProblem(await post('/api/v1/orders', ''), 400, 'MALFORMED_REQUEST');
    });

    it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const huge = JSON.stringify({ endDate: '2030-01-31', items: [{ name: 'x'.repeat(2048) }] });
      expectProblem(await post('/api/v1/orders', huge), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('answers an unsupported content type with 415', async () => {
      const response = await post('/api/v1/orders', '<order/>', 'application/xml');
      expectProblem(response, 415, 'MALFORMED_REQUEST');
    });

    it('answers an unknown route with 404 NOT_FOUND', async () => {
      expectProblem(await http.inject({ url: '/api/v1/nowhere' }), 404, 'NOT_FOUND');
    });

    it('maps a DomainError to its status, detail and field errors', async () => {
      const body = expectProblem(
        await http.inject({ url: '/api/v1/orders/overlapping' }),
        409,
        'CONTRACT_OVERLAP',
      );
      expect(body).toMatchObject({
        detail: 'Overlaps contract C-1',
        errors: [{ path: 'endDate', message: 'overlaps C-1' }],
      });
    });

    it('answers UNAUTHENTICATED with 401 and a WWW-Authenticate: Bearer challenge', async () => {
      const response = await http.inject({ url: '/api/v1/orders/anonymous' });
      expectProblem(response, 401, 'UNAUTHENTICATED');
      expect(response.headers['www-authenticate']).toBe('Bearer');
    });

    it('answers an unexpected error with 500 and no stack or SQL, and logs it', async () => {
      const response = await http.inject({ url: '/api/v1/orders/crash' });
      const body = expectProblem(response, 500, 'INTERNAL_ERROR');
      expect(body.detail).toBe(INTERNAL_ERROR_DETAIL);
      expect(response.body).not.toContain('secret_table');
      expect(response.body).not.toMatch(/\bat .*\.ts:\d+/);
      const logged = logs().find(
        (line) => line.requestId === body.requestId && line.msg === 'Request failed',
      );
      expect(JSON.stringify(logged)).toContain('secret_table');
    });

    it('answers an unreachable database with 503 SERVICE_UNAVAILABLE', async () => {
      expectProblem(
        await http.inject({ url: '/api/v1/orders/database-down' }),
        503,
        'SERVICE_UNAVAILABLE',
      );
    });

    it('answers throttled calls with 429 RATE_LIMITED and a retry-after header', async () => {
      expect((await http.inject({ url: '/api/v1/orders/limited' })).statusCode).toBe(200);
      const response = await http.inject({ url: '/api/v1/orders/limited' });
      expectProblem(response, 429, 'RATE_LIMITED');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('request ids and headers', () => {
    it('echoes a caller-supplied x-request-id', async () => {
      const response = await http.inject({
        url: '/health',
        headers: { 'x-request-id': 'abc-123' },
      });
      expect(response.headers['x-request-id']).toBe('abc-123');
    });

    it('generates an x-request-id when none is given, on errors too', async () => {
      const response = await http.inject({ url: '/nowhere' });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('sends security headers and no CORS allowance', async () => {
      const response = await http.inject({
        url: '/health',
        headers: { origin: 'https://evil.example' },
      });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['strict-transport-security']).toBeDefined();
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('logs', () => {
    it('writes JSON lines with the service and request id, never tokens, bodies or passwords', async () => {
      await http.inject({
        method: 'POST',
        url: '/api/v1/orders/sign-in',
        headers: { authorization: 'Bearer secret-token', 'x-request-id': 'log-check-1' },
        payload: { email: 'ann@example.com', password: 'hunter2' },
      });
      const lines = logs().filter((line) => line.requestId === 'log-check-1');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.every((line) => line.service === 'orders')).toBe(true);
      const text = JSON.stringify(lines);
      expect(text).not.toContain('secret-token');
      expect(text).not.toContain('hunter2');
      expect(lines.find((line) => line.msg === 'sign-in')).toMatchObject({
        password: '[redacted]',
      });
    });
  });

  describe('health and readiness', () => {
    it('answers /health with ok and the service name, outside the global prefix', async () => {
      const response = await http.inject({ url: '/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok', service: 'orders' });
    });

    it('answers /ready with 503 naming the failing and hanging checks, within the deadline', async () => {
      const started = Date.now();
      const response = await http.inject({ url: '/ready' });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        status: 'not-ready',
        checks: {
          database: 'up',
          temporal: 'down: no answer within 200 ms',
          nats: 'down: connection closed',
        },
      });
    });
  });

  describe('OpenAPI', () => {
    interface Operation {
      requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
      security?: unknown[];
      responses: Record<string, unknown>;
    }
    interface Document {
      paths: Record<string, Record<string, Operation>>;
      components: {
        schemas: Record<string, { properties?: Record<string, unknown> }>;
        securitySchemes: Record<string, unknown>;
      };
      security: unknown[];
    }
    let document: Document;

    beforeAll(async () => {
      const response = await http.inject({ url: '/api/docs/openapi.json' });
      expect(response.statusCode).toBe(200);
      document = response.json<Document>();
    });

    it('documents the request body from the zod schema', () => {
      const operation = document.paths['/api/v1/orders']?.post;
      const reference = operation?.requestBody?.content['application/json']?.schema.$ref;
      const schemaName = reference?.split('/').pop() ?? '';
      expect(Object.keys(document.components.schemas[schemaName]?.properties ?? {})).toEqual([
        'endDate',
        'items',
      ]);
    });

    it('declares bearer auth, required unless a route is public', () => {
      expect(document.components.securitySchemes.bearer).toMatchObject({ scheme: 'bearer' });
      expect(document.security).toEqual([{ bearer: [] }]);
      expect(document.paths['/api/v1/orders']?.post?.security).toBeUndefined();
      expect(document.paths['/api/v1/orders/sign-in']?.post?.security).toEqual([{}]);
      expect(document.paths['/health']?.get?.security).toEqual([{}]);
    });

    it('documents problem+json as every operation default response', () => {
      expect(document.paths['/api/v1/orders']?.post?.responses.default).toMatchObject({
        content: { 'application/problem+json': expect.anything() },
      });
      expect(document.components.schemas.ProblemDetails?.properties).toHaveProperty('code');
    });

    it('serves the interactive page and its assets from this service', async () => {
      const page = await http.inject({ url: '/api/docs' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('swagger-ui-bundle.js');
      expect(page.body).not.toMatch(/https?:\/\/(?!localhost)[^"']*\.js/);
      const bundle = await http.inject({ url: '/api/docs/swagger-ui-bundle.js' });
      expect(bundle.statusCode).toBe(200);
    });
  });
});
