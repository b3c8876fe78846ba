import fastifyHelmet from '@fastify/helmet';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { HealthModule } from './health/health.module';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_TRUSTED_PROXIES,
  type HttpAppOptions,
} from './http-app-options';
import { loggerParams } from './logging/logger-params';
import { setupOpenApi } from './openapi/setup-open-api';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { generateRequestId, REQUEST_ID_HEADER } from './request-id/request-id';

const ROOT_ROUTES = ['health', 'ready'];

function fastifyAdapter(options: HttpAppOptions): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: options.trustProxy ?? DEFAULT_TRUSTED_PROXIES,
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    // Fastify would take a present header verbatim; our genReqId reads it and vets it instead.
    requestIdHeader: false,
    genReqId: generateRequestId,
    // nestjs-pino does the logging, with redaction; Fastify's own logger would duplicate it.
    logger: false,
  });
}

/**
 * Creates (without listening) the NestJS application for one service, with everything every
 * service shares: logs, request ids, security headers, problem+json errors, zod validation,
 * OpenAPI, `/health` and `/ready`. Call `app.listen({ port, host })` afterwards.
 */
export async function createHttpApp(
  rootModule: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  @Module({
    imports: [
      LoggerModule.forRoot(
        loggerParams(options.serviceName, options.logLevel, options.logDestination),
      ),
      HealthModule.forRoot({
        serviceName: options.serviceName,
        readinessChecks: options.readinessChecks,
        readinessTimeoutMs: options.readinessTimeoutMs,
      }),
      rootModule,
    ],
  })
  class HttpAppModule {}

  const app = await NestFactory.create<NestFastifyApplication>(
    HttpAppModule,
    fastifyAdapter(options),
    // abortOnError false: a boot failure rejects instead of calling process.exit.
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  // Boot messages were buffered until the JSON logger existed; write them out now.
  app.flushLogs();
  app.enableShutdownHooks();

  // Set on the way in so that every answer carries it, errors and 404s included.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
      done();
    });
  await app.register(fastifyHelmet, {
    // Services speak plain HTTP on private networks; upgrading subresource requests to HTTPS
    // would break the Swagger UI page when opened by IP address.
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(new ZodValidationPipe());

  if (options.globalPrefix) {
    app.setGlobalPrefix(options.globalPrefix, {
      exclude: [...ROOT_ROUTES, ...(options.globalPrefixExclusions ?? [])],
    });
  }
  setupOpenApi(app, options.openApi);
  return app;
}
