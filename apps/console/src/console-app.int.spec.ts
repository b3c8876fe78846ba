import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { listUnguardedRoutes } from '@mg/shared-auth';
import { loadConfig } from '@mg/shared-config';
import { PROBLEM_CONTENT_TYPE } from '@mg/shared-http';
import { createConsoleApp } from './console-app';
import { consoleConfigSchema } from './console.config';
import { type ReceivedRequest, StubUpstream, unusedUrl } from './test-fixtures/stub-upstream';
import { type UpstreamName } from './upstreams/upstreams';

const UPSTREAM_TIMEOUT_MS = 300;

async function startConsole(urls: Record<string, string>) {
  const app = await createConsoleApp(
    loadConfig(consoleConfigSchema, {
      LOG_LEVEL: 'silent',
      UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
      ...urls,
    }),
  );
  // Over real sockets: the proxy's failure paths differ from what in-process injection shows.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = await app.getUrl();
  const http = (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, init);
  return { app, http };
}

type Http = (path: string, init?: RequestInit) => Promise<Response>;

const expectServiceUnavailable = async (response: Response) => {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  expect(await response.json()).toMatchObject({
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
    requestId: response.headers.get('x-request-id'),
  });
};

describe('console', () => {
  let stubs: Record<UpstreamName, StubUpstream>;
  let app: NestFastifyApplication;
  let http: Http;

  beforeAll(async () => {
    stubs = {
      identity: await StubUpstream.start(),
      contracts: await StubUpstream.start(),
      tickets: await StubUpstream.start(),
      interventions: await StubUpstream.start(),
    };
    ({ app, http } = await startConsole({
      IDENTITY_URL: stubs.identity.url,
      CONTRACTS_URL: stubs.contracts.url,
      TICKETS_URL: stubs.tickets.url,
      INTERVENTIONS_URL: stubs.interventions.url,
    }));
  });

  afterAll(async () => {
    await app.close();
    await Promise.all(Object.values(stubs).map((stub) => stub.stop()));
  });

  beforeEach(() => {
    for (const stub of Object.values(stubs)) {
      stub.received.length = 0;
      stub.readyStatus = 200;
      stub.answer = (request) => ({ status: 200, body: request });
    }
  });

  describe('forwarding', () => {
    it('preserves method, path, query, body, authorization and the request id', async () => {
      stubs.tickets.answer = () => ({ status: 201, body: { closed: true } });
      const response = await http('/api/v1/tickets/42/close?notify=yes&tag=a&tag=b', {
        method: 'POST',
        headers: {
          authorization: 'Bearer some.jwt.token',
          'x-request-id': 'req-console-1',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ reason: 'fixed', details: { files: 2 } }),
      });

      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ closed: true });
      expect(response.headers.get('x-request-id')).toBe('req-console-1');
      expect(stubs.tickets.received).toEqual([
        expect.objectContaining<Partial<ReceivedRequest>>({
          method: 'POST',
          url: '/api/v1/tickets/42/close?notify=yes&tag=a&tag=b',
          body: JSON.stringify({ reason: 'fixed', details: { files: 2 } }),
          headers: expect.objectContaining({
            authorization: 'Bearer some.jwt.token',
            'x-request-id': 'req-console-1',
          }) as ReceivedRequest['headers'],
        }),
      ]);
    });

    it('gives a request without an id a fresh one, the same upstream and in the answer', async () => {
      const response = await http('/api/v1/contracts');
      expect(response.status).toBe(200);
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toEqual(expect.any(String));
      expect(stubs.contracts.received[0]?.headers['x-request-id']).toBe(requestId);
    });

    it.each<[string, UpstreamName]>([
      ['/api/v1/auth/token', 'identity'],
      ['/api/v1/me', 'identity'],
      ['/api/v1/users/7', 'identity'],
      ['/.well-known/jwks.json', 'identity'],
      ['/api/v1/projects', 'contracts'],
      ['/api/v1/contracts/3', 'contracts'],
      ['/api/v1/tickets', 'tickets'],
      ['/api/v1/stats?projectId=p1', 'tickets'],
      ['/api/v1/billets?ticketId=t1', 'interventions'],
      ['/api/v1/interventions', 'interventions'],
      ['/api/v1/reports/9/validate', 'interventions'],
    ])('forwards %s to %s unchanged', async (url, owner) => {
      const response = await http(url);
      expect(response.status).toBe(200);
      expect(stubs[owner].received.map((request) => request.url)).toEqual([url]);
    });

    it.each<[string, UpstreamName]>([
      ['/api/v1/audit?entityType=User&entityId=u-1', 'identity'],
      ['/api/v1/audit?entityType=Project&entityId=p-1', 'contracts'],
      ['/api/v1/audit?entityType=Contract', 'contracts'],
      ['/api/v1/audit', 'contracts'],
    ])('forwards %s to the owner of its entityType, %s', async (url, owner) => {
      const response = await http(url, { headers: { authorization: 'Bearer some.jwt.token' } });
      expect(response.status).toBe(200);
      expect(stubs[owner].received).toEqual([
        expect.objectContaining<Partial<ReceivedRequest>>({
          url,
          headers: expect.objectContaining({
            authorization: 'Bearer some.jwt.token',
            'x-request-id': response.headers.get('x-request-id'),
          }) as ReceivedRequest['headers'],
        }),
      ]);
      const others = Object.entries(stubs).filter(([name]) => name !== owner);
      expect(others.flatMap(([, stub]) => stub.received)).toEqual([]);
    });

    it('passes an upstream error through as it is, without asking again', async () => {
      stubs.tickets.answer = () => ({ status: 503, body: { code: 'SERVICE_UNAVAILABLE' } });
      const response = await http('/api/v1/tickets');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ code: 'SERVICE_UNAVAILABLE' });
      expect(stubs.tickets.received).toHaveLength(1);
    });

    it('does not forward a path that merely starts like a known prefix', async () => {
      const response = await http('/api/v1/meetings');
      expect(response.status).toBe(404);
      expect(stubs.identity.received).toHaveLength(0);
    });

    it('answers an unknown /api/v1 prefix with 404 problem+json', async () => {
      const response = await http('/api/v1/nowhere/1');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
      expect(await response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });

    it('answers 503 problem+json when a service stays silent past the timeout', async () => {
      stubs.interventions.answer = () => 'hang';
      const started = Date.now();
      const response = await http('/api/v1/billets');
      await expectServiceUnavailable(response);
      expect(Date.now() - started).toBeLessThan(UPSTREAM_TIMEOUT_MS + 1_000);
    });
  });

  describe('health', () => {
    it('is alive', async () => {
      const response = await http('/health');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', service: 'console' });
    });

    it('is ready when every service is ready', async () => {
      const response = await http('/ready');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'ready',
        checks: { identity: 'up', contracts: 'up', tickets: 'up', interventions: 'up' },
      });
    });

    it('is not ready when one service is not ready', async () => {
      stubs.tickets.readyStatus = 503;
      const response = await http('/ready');
      expect(response.status).toBe(503);
      expect(((await response.json()) as { checks: Record<string, string> }).checks).toMatchObject({
        identity: 'up',
        tickets: expect.stringMatching(/^down: .*answered 503/),
      });
    });
  });

  it('lists the API pages on its index', async () => {
    const response = await http('/');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      service: 'console',
      api: '/api/v1',
      apiDocs: { tickets: `${stubs.tickets.url}/api/docs` },
    });
  });

  it('declares the access of every route it serves itself', () => {
    expect(listUnguardedRoutes(app)).toEqual([]);
  });
});

describe('console with a service down', () => {
  let app: NestFastifyApplication;
  let http: Http;
  let identity: StubUpstream;

  beforeAll(async () => {
    identity = await StubUpstream.start();
    const down = await unusedUrl();
    ({ app, http } = await startConsole({
      IDENTITY_URL: identity.url,
      CONTRACTS_URL: down,
      TICKETS_URL: down,
      INTERVENTIONS_URL: down,
    }));
  });

  afterAll(async () => {
    await app.close();
    await identity.stop();
  });

  it('answers 503 problem+json at once, for every method', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const started = Date.now();
      const response = await http('/api/v1/contracts', {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: '{"projectId":"p1"}' } : {}),
      });
      await expectServiceUnavailable(response);
      expect(Date.now() - started).toBeLessThan(UPSTREAM_TIMEOUT_MS);
    }
  });

  it('answers 503 problem+json for an audit query whose owner is down', async () => {
    await expectServiceUnavailable(await http('/api/v1/audit?entityType=Contract'));
  });

  it('still reaches identity for the audit of users', async () => {
    const response = await http('/api/v1/audit?entityType=User');
    expect(response.status).toBe(200);
    expect(identity.received.map((request) => request.url)).toContain(
      '/api/v1/audit?entityType=User',
    );
  });

  it('is not ready, and says which service is down', async () => {
    const response = await http('/ready');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { checks: Record<string, string> }).checks).toMatchObject({
      identity: 'up',
      contracts: expect.stringMatching(/^down: .*ECONNREFUSED/),
    });
  });
});
