import { randomUUID } from 'node:crypto';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Client as TemporalClient } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { type FastifyInstance } from 'fastify';
import { Client as PgClient } from 'pg';
import { loadConfig } from '@mg/shared-config';
import { type Role } from '@mg/shared-kernel';
import { type TicketSummary } from '@mg/shared-service-clients';
import { TEMPORAL_CLIENT } from '@mg/shared-temporal';
import {
  callAs,
  type CallAs,
  createTestDatabase,
  FakeIdentity,
  type SignedInUser,
  TEST_NATS_SERVERS,
  TEST_TEMPORAL_ADDRESS,
  type TestDatabase,
} from '@mg/shared-testing';
import {
  type TicketLifecycleTaskQueues,
  ticketLifecycleTaskQueues,
} from '@mg/ticket-lifecycle-workflow';
import { INTERVENTIONS_DATABASE_MIGRATIONS } from '../database/interventions-migrations';
import { createInterventionsApp } from '../interventions-app';
import { interventionsConfigSchema } from '../interventions.config';
import { FakeOwners } from './fake-owners';
import { LifecycleWorkers } from './lifecycle-workers';

// The SDK's own lines (worker states, "no workflows registered") would drown the test report.
Runtime.install({ logger: new DefaultLogger('ERROR') });

/**
 * The interventions service in-process against the real PostgreSQL, NATS and Temporal, with
 * the owners it reads over HTTP played by stubs, the ticket-lifecycle workflow running in-process
 * on task queues of the test's own, and the service's own activity worker on its queue.
 */
export interface InterventionsTestContext {
  app: NestFastifyApplication;
  http: FastifyInstance;
  identity: FakeIdentity;
  owners: FakeOwners;
  workers: LifecycleWorkers;
  temporal: TemporalClient;
  taskQueues: TicketLifecycleTaskQueues;
  /** A connection to the service's database, to count what was written. */
  database: PgClient;
  newUser(role: Role, options?: { active?: boolean }): Promise<SignedInUser>;
  /** A new OPEN, covered ticket of the project (see `FakeOwners.addTicket`). */
  newTicket(projectId: string, overrides?: Partial<TicketSummary>): TicketSummary;
  call: CallAs<SignedInUser>;
  dispose(): Promise<void>;
}

export async function startInterventionsService(prefix: string): Promise<InterventionsTestContext> {
  const database: TestDatabase = await createTestDatabase(
    prefix,
    INTERVENTIONS_DATABASE_MIGRATIONS,
  );
  const identity = await FakeIdentity.start();
  const owners = await FakeOwners.start();
  const queuePrefix = `test-${randomUUID()}-`;
  const taskQueues = ticketLifecycleTaskQueues(queuePrefix);
  const workers = await LifecycleWorkers.start({ taskQueues, owners });
  const config = loadConfig(interventionsConfigSchema, {
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    NATS_URL: TEST_NATS_SERVERS,
    TEMPORAL_ADDRESS: TEST_TEMPORAL_ADDRESS,
    TEMPORAL_PREFIX: queuePrefix,
    JWKS_URL: identity.jwksUrl,
    IDENTITY_URL: identity.url,
    CONTRACTS_URL: owners.contractsUrl,
    TICKETS_URL: owners.ticketsUrl,
  });
  const app = await createInterventionsApp(config);
  const http = app.getHttpAdapter().getInstance();
  await http.ready();
  const temporal = app.get<TemporalClient>(TEMPORAL_CLIENT);
  const pg = new PgClient({ connectionString: database.url });
  await pg.connect();
  const ticketNumbers: string[] = [];
  return {
    app,
    http,
    identity,
    owners,
    workers,
    temporal,
    taskQueues,
    database: pg,
    newUser: (role, options) => identity.newUser(role, options),
    newTicket(projectId, overrides) {
      const ticket = owners.addTicket(projectId, overrides);
      ticketNumbers.push(ticket.number);
      return ticket;
    },
    call: callAs(http, (user) => user.authorization),
    async dispose() {
      await LifecycleWorkers.terminate(temporal, ticketNumbers);
      await app.close();
      await workers.stop();
      await pg.end();
      await owners.stop();
      await identity.stop();
      await database.drop();
    },
  };
}
