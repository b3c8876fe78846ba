import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@mg/shared-http';
import { type TicketsConfig } from './tickets.config';
import { TicketsModule } from './tickets.module';

/**
 * Builds the tickets service (not listening yet) against an already migrated database. Fails
 * when NATS or Temporal cannot be reached: a service that cannot publish or drive workflows
 * must not accept traffic.
 */
export async function createTicketsApp(config: TicketsConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(TicketsModule.forRoot(config), {
    serviceName: 'tickets',
    logLevel: config.LOG_LEVEL,
    openApi: {
      title: 'Tickets API',
      description: 'Tickets, their numbering and the maintenance indicators.',
    },
    globalPrefix: 'api/v1',
  });
  await app.init();
  return app;
}
