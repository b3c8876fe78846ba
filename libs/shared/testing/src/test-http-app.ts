import { type Type } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance } from 'fastify';
import { createHttpApp } from '@mg/shared-http';

export interface TestHttpApp {
  app: NestFastifyApplication;
  /** Fastify, to `inject` requests without listening. */
  http: FastifyInstance;
}

/**
 * A library's test module served as every service serves its own (`createHttpApp`: guards,
 * problem+json, validation, `/api/v1`), initialised and ready for requests.
 */
export async function startTestHttpApp(rootModule: Type, name: string): Promise<TestHttpApp> {
  const app = await createHttpApp(rootModule, {
    serviceName: name,
    logLevel: 'silent',
    openApi: { title: name },
    globalPrefix: 'api/v1',
  });
  await app.init();
  const http = app.getHttpAdapter().getInstance();
  await http.ready();
  return { app, http };
}
