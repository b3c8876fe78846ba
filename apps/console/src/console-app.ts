import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@mg/shared-http';
import { type ConsoleConfig } from './console.config';
import { ConsoleModule } from './console.module';
import { PROXY_ROUTES } from './proxy/proxy-routes';
import { registerProxyRoutes } from './proxy/register-proxy-routes';
import { UpstreamReadinessCheck } from './upstreams/upstream-readiness-check';
import { UPSTREAM_NAMES, upstreamUrls } from './upstreams/upstreams';

/** Each upstream's own /ready has a 1 s deadline per dependency; leave it room to answer. */
const UPSTREAM_READY_TIMEOUT_MS = 2_000;

/**
 * Builds the console (not listening yet): the single HTTP entry point that forwards `/api/v1/*`
 * to the owning service and is ready when all of them are.
 */
export async function createConsoleApp(config: ConsoleConfig): Promise<NestFastifyApplication> {
  const upstreams = upstreamUrls(config);
  const app = await createHttpApp(
    ConsoleModule.forRoot({ upstreams, temporalUiUrl: config.TEMPORAL_UI_URL }),
    {
      serviceName: 'console',
      logLevel: config.LOG_LEVEL,
      openApi: {
        title: 'Console',
        description:
          'The single entry point: `/api/v1/*` is forwarded to the owning service, whose own page documents it.',
      },
      readinessChecks: UPSTREAM_NAMES.map(
        (name) => new UpstreamReadinessCheck(name, upstreams[name], UPSTREAM_READY_TIMEOUT_MS),
      ),
      readinessTimeoutMs: UPSTREAM_READY_TIMEOUT_MS + 500,
    },
  );
  await registerProxyRoutes(app, {
    routes: PROXY_ROUTES,
    upstreams,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
  });
  await app.init();
  return app;
}
