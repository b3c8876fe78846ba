import { randomUUID } from 'node:crypto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from '@mg/shared-config';
import { describeServiceConformance } from '@mg/shared-testing';
import { TICKETS_DATABASE_MIGRATIONS } from './database/tickets-migrations';
import { createTicketsApp } from './tickets-app';
import { ticketsConfigSchema } from './tickets.config';

jest.setTimeout(30_000);

// The activity worker's SDK lines would drown the test report; warnings and failures still show.
Runtime.install({ logger: new DefaultLogger('WARN') });

describeServiceConformance({
  service: 'tickets',
  openApiTitle: 'Tickets API',
  migrationsDirs: TICKETS_DATABASE_MIGRATIONS,
  openApiPaths: {
    '/api/v1/tickets': expect.objectContaining({
      get: expect.any(Object),
      post: expect.any(Object),
    }),
    '/api/v1/tickets/{id}': expect.any(Object),
    '/api/v1/tickets/{id}/history': expect.any(Object),
    '/api/v1/tickets/{id}/close': expect.any(Object),
    '/api/v1/tickets/{id}/reject': expect.any(Object),
    '/api/v1/tickets/{id}/reopen': expect.any(Object),
    '/api/v1/stats': expect.any(Object),
    '/api/v1/audit': expect.any(Object),
  },
  createApp: (variables) =>
    createTicketsApp(
      loadConfig(ticketsConfigSchema, {
        LOG_LEVEL: 'silent',
        // Its activity worker polls queues of its own, never a running system's.
        TEMPORAL_PREFIX: `test-${randomUUID()}-`,
        ...variables,
      }),
    ),
});
