import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance } from 'fastify';
import { listUnguardedRoutes } from '@mg/shared-auth';
import { loadConfig } from '@mg/shared-config';
import { PROBLEM_CONTENT_TYPE } from '@mg/shared-http';
import {
  createTestDatabase,
  eventually,
  startTcpProxy,
  tamper,
  TEST_CALLER,
  type TcpProxy,
  TEST_NATS_SERVERS,
  TEST_POSTGRES_URL,
  TEST_TEMPORAL_ADDRESS,
  type TestDatabase,
  TestTokenIssuer,
  unusedPort,
} from '@mg/shared-testing';
import { createContractsApp } from './contracts-app';
import { type ContractsConfig, contractsConfigSchema } from './contracts.config';
import { CONTRACTS_DATABASE_MIGRATIONS } from './database/contracts-migrations';

jest.setTimeout(30_000);

/** Relays a dependency's `host:port` (from a URL or an address) through a proxy a test can cut. */
const relay = (address: string, defaultPort: number): Promise<TcpProxy> => {
  const url = new URL(address.includes('://') ? address : `tcp://${address}`);
  return startTcpProxy(Number(url.port || defaultPort), url.hostname);
};

const withPort = (url: string, port: number) => {
  const changed = new URL(url);
  changed.hostname = '127.0.0.1';
  changed.port = String(port);
  return changed.toString();
};

const testConfig = (variables: Record<string, string>): ContractsConfig =>
  loadConfig(contractsConfigSchema, { APP_ENV: 'test', LOG_LEVEL: 'silent', ...variables });

describe('contracts service', () => {
  let database: TestDatabase;
  let issuer: TestTokenIssuer;
  let proxies: Record<'database' | 'nats' | 'temporal', TcpProxy>;
  let app: NestFastifyApplication;
  let http: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase('contracts', CONTRACTS_DATABASE_MIGRATIONS);
    issuer = await TestTokenIssuer.start();
    // Every dependency is reached through a relay, so a test can take it down and back up.
    proxies = {
      database: await relay(database.url, 5432),
      nats: await relay(TEST_NATS_SERVERS.split(',')[0] ?? '', 4222),
      temporal: await relay(TEST_TEMPORAL_ADDRESS, 7233),
    };
    const config = testConfig({
      DATABASE_URL: withPort(database.url, proxies.database.port),
      NATS_URL: `nats://127.0.0.1:${proxies.nats.port}`,
      TEMPORAL_ADDRESS: `127.0.0.1:${proxies.temporal.port}`,
      JWKS_URL: issuer.jwksUrl,
    });
    app = await createContractsApp(config);
    http = app.getHttpAdapter().getInstance();
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all(Object.values(proxies ?? {}).map((proxy) => proxy.close()));
    await issuer?.stop();
    await database?.drop();
  });

  const ready = () => http.inject({ url: '/ready' });

  describe('health', () => {
    it('is alive', async () => {
      const response = await http.inject({ url: '/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok', service: 'contracts' });
    });

    it('is ready when its database, NATS and Temporal answer', async () => {
      const response = await ready();
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        status: 'ready',
        checks: { database: 'up', nats: 'up', temporal: 'up' },
      });
    });

    it.each(['database', 'nats', 'temporal'] as const)(
      'is not ready while %s is down, and ready again once it is back',
      async (dependency) => {
        proxies[dependency].interrupt();
        try {
          const response = await ready();
          expect(response.statusCode).toBe(503);
          expect(response.json()).toMatchObject({
            status: 'not-ready',
            checks: { [dependency]: expect.stringMatching(/^down: /) },
          });
        } finally {
          proxies[dependency].restore();
        }
        await eventually(async () => expect((await ready()).statusCode).toBe(200), {
          timeoutMs: 20_000,
          intervalMs: 250,
        });
      },
    );
  });

  describe('GET /api/v1/me', () => {
    const me = (authorization?: string) =>
      http.inject({ url: '/api/v1/me', headers: authorization ? { authorization } : {} });

    const expectUnauthenticated = (response: Awaited<ReturnType<typeof me>>) => {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
      expect(response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    };

    it('answers the caller a token issued by identity describes', async () => {
      const response = await me(`Bearer ${await issuer.sign()}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(TEST_CALLER);
    });

    it('refuses a token whose payload was altered', async () => {
      expectUnauthenticated(await me(`Bearer ${tamper(await issuer.sign())}`));
    });

    it('refuses a token signed with a key identity does not publish', async () => {
      expectUnauthenticated(await me(`Bearer ${await issuer.signWithForeignKey()}`));
    });

    it('refuses a request without a token', async () => {
      expectUnauthenticated(await me());
    });
  });

  it('declares the access of every route (deny by default)', () => {
    expect(listUnguardedRoutes(app)).toEqual([]);
  });

  it('serves its OpenAPI document', async () => {
    const response = await http.inject({ url: '/api/docs/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      info: { title: 'Contracts API' },
      paths: {
        '/api/v1/me': expect.any(Object),
        '/api/v1/projects': { get: expect.any(Object), post: expect.any(Object) },
        '/api/v1/projects/{id}': { get: expect.any(Object), patch: expect.any(Object) },
        '/api/v1/projects/{id}/members/{userId}': {
          put: expect.any(Object),
          delete: expect.any(Object),
        },
        '/api/v1/contracts': { get: expect.any(Object), post: expect.any(Object) },
        '/api/v1/contracts/{id}': { get: expect.any(Object), patch: expect.any(Object) },
        '/api/v1/audit': { get: expect.any(Object) },
      },
    });
  });
});

// Unreachable NATS or Temporal stop the boot instead (MessagingModule, TemporalModule); the
// readiness tests above take them down after start-up.
describe('contracts service start-up', () => {
  it('starts but is not ready when its database cannot be reached', async () => {
    const config = testConfig({
      DATABASE_URL: withPort(TEST_POSTGRES_URL, await unusedPort()),
    });
    const app = await createContractsApp(config);
    try {
      const response = await app.getHttpAdapter().getInstance().inject({ url: '/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        checks: { database: expect.stringMatching(/^down: /), nats: 'up', temporal: 'up' },
      });
    } finally {
      await app.close();
    }
  });
});
