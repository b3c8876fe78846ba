import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance } from 'fastify';
import { listUnguardedRoutes } from '@mg/shared-auth';
import { PROBLEM_CONTENT_TYPE } from '@mg/shared-http';
import { createTestDatabase, type TestDatabase } from './create-test-database';
import { eventually } from './eventually';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { TEST_NATS_SERVERS, TEST_POSTGRES_URL, TEST_TEMPORAL_ADDRESS } from './test-infrastructure';
import { tamper, TEST_CALLER, TestTokenIssuer } from './test-token-issuer';
import { unusedPort } from './unused-port';

export interface ServiceConformanceOptions {
  /** The service name its `/health` reports, e.g. `tickets`. */
  service: string;
  /** The title of its OpenAPI document. */
  openApiTitle: string;
  migrationsDirs: string | readonly string[];
  /** Operations its OpenAPI document must list besides `GET /api/v1/me` (a jest matcher). */
  openApiPaths?: Record<string, unknown>;
  /** Builds the app (not listening) from environment variables, as its `main.ts` would. */
  createApp: (variables: Record<string, string>) => Promise<NestFastifyApplication>;
}

/**
 * What every service owes the platform, as one suite each service's tests call: health and
 * readiness that follow its database, NATS and Temporal (each reached through a relay a test
 * can cut), tokens from identity accepted and tampered ones refused on `GET /me`, no route
 * without declared access, and an OpenAPI document.
 */
export function describeServiceConformance({
  service,
  openApiTitle,
  migrationsDirs,
  openApiPaths = {},
  createApp,
}: ServiceConformanceOptions): void {
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

  describe(`${service} service`, () => {
    let database: TestDatabase;
    let issuer: TestTokenIssuer;
    let proxies: Record<'database' | 'nats' | 'temporal', TcpProxy>;
    let app: NestFastifyApplication;
    let http: FastifyInstance;

    beforeAll(async () => {
      database = await createTestDatabase(service, migrationsDirs);
      issuer = await TestTokenIssuer.start();
      // Every dependency is reached through a relay, so a test can take it down and back up.
      proxies = {
        database: await relay(database.url, 5432),
        nats: await relay(TEST_NATS_SERVERS.split(',')[0] ?? '', 4222),
        temporal: await relay(TEST_TEMPORAL_ADDRESS, 7233),
      };
      app = await createApp({
        DATABASE_URL: withPort(database.url, proxies.database.port),
        NATS_URL: `nats://127.0.0.1:${proxies.nats.port}`,
        TEMPORAL_ADDRESS: `127.0.0.1:${proxies.temporal.port}`,
        JWKS_URL: issuer.jwksUrl,
      });
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
        expect(response.json()).toEqual({ status: 'ok', service });
      });

      it('is ready when its database, NATS and Temporal answer', async () => {
        const response = await ready();
        expect(response.statusCode).toBe(200);
        // A service may check more (its activity worker): 'ready' means every check is up.
        expect(response.json()).toEqual({
          status: 'ready',
          checks: expect.objectContaining({ database: 'up', nats: 'up', temporal: 'up' }),
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
        info: { title: openApiTitle },
        paths: { '/api/v1/me': expect.any(Object), ...openApiPaths },
      });
    });
  });

  // Unreachable NATS or Temporal stop the boot instead (MessagingModule, TemporalModule); the
  // readiness tests above take them down after start-up.
  describe(`${service} service start-up`, () => {
    it('starts but is not ready when its database cannot be reached', async () => {
      const app = await createApp({
        DATABASE_URL: withPort(TEST_POSTGRES_URL, await unusedPort()),
      });
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
}
