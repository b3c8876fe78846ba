import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@mg/shared-http';
import { type Clock } from '@mg/shared-kernel';
import { createTicketsPrismaClient } from '@mg/tickets-data-access';
import { type TicketsConfig } from './tickets.config';
import { TicketsModule } from './tickets.module';

export interface TicketsAppOverrides {
  /** Tests move the service's time, e.g. to see R8 `elapsedHours` frozen. */
  clock?: Clock;
}

/**
 * Builds the tickets service (not listening yet) against an already migrated database, with its
 * activity worker polling. Fails when NATS or Temporal cannot be reached: a service that cannot
 * publish or drive workflows must not accept traffic.
 */
export async function createTicketsApp(
  config: TicketsConfig,
  overrides: TicketsAppOverrides = {},
): Promise<NestFastifyApplication> {
  const prisma = createTicketsPrismaClient(config.DATABASE_URL);
  const app = await createHttpApp(
    TicketsModule.forRoot({ config, prisma, clock: overrides.clock }),
    {
      serviceName: 'tickets',
      logLevel: config.LOG_LEVEL,
      openApi: {
        title: 'Tickets API',
        description: 'Tickets, their numbering, their lifecycle decisions and the indicators.',
      },
      globalPrefix: 'api/v1',
    },
  );
  await app.init();
  return app;
}
