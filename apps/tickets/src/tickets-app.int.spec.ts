import { TICKETS_MIGRATIONS_DIR } from '@mg/tickets-data-access';
import { loadConfig } from '@mg/shared-config';
import { describeServiceConformance } from '@mg/shared-testing';
import { createTicketsApp } from './tickets-app';
import { ticketsConfigSchema } from './tickets.config';

jest.setTimeout(30_000);

describeServiceConformance({
  service: 'tickets',
  openApiTitle: 'Tickets API',
  migrationsDirs: TICKETS_MIGRATIONS_DIR,
  createApp: (variables) =>
    createTicketsApp(loadConfig(ticketsConfigSchema, { LOG_LEVEL: 'silent', ...variables })),
});
