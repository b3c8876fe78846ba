import { randomInt, randomUUID } from 'node:crypto';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Client as TemporalClient } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { type FastifyInstance } from 'fastify';
import { Client as PgClient } from 'pg';
import { loadConfig } from '@mg/shared-config';
import { type Role } from '@mg/shared-kernel';
import { TEMPORAL_CLIENT } from '@mg/shared-temporal';
import {
  callAs,
  type CallAs,
  createTestDatabase,
  startTcpProxy,
  type TcpProxy,
  TEST_NATS_SERVERS,
  TEST_TEMPORAL_ADDRESS,
  TestTokenIssuer,
  type TestUser,
  testUser,
} from '@mg/shared-testing';
import {
  TicketLifecycleClient,
  ticketLifecycleTaskQueues,
  type TicketLifecycleTaskQueues,
} from '@mg/ticket-lifecycle-workflow';
import {
  type ActivityCall,
  bundleTicketLifecycleWorkflows,
  recordingActivities,
} from '@mg/ticket-lifecycle-workflow/testing';
import { TICKETS_DATABASE_MIGRATIONS } from '../database/tickets-migrations';
import { createTicketsApp } from '../tickets-app';
import { ticketsConfigSchema } from '../tickets.config';
import { FakeContracts } from './fake-contracts';

/**
 * The tickets service in-process against the real PostgreSQL, NATS and Temporal: its own
 * activity worker (from the app), the real ticket-lifecycle workflow on a worker bundled from
 * source, a recording stand-in for the interventions service's activities, and a real HTTP stub
 * of the contracts service. Everything runs on task queues of its own.
 */
export interface TicketsTestContext {
  app: NestFastifyApplication;
  http: FastifyInstance;
  contracts: FakeContracts;
  /** Drives workflows directly, as the interventions service would (billets, reports…). */
  lifecycle: TicketLifecycleClient;
  queues: TicketLifecycleTaskQueues;
  /** The service's database, for assertions on rows. */
  db: PgClient;
  /** What the interventions stand-in was asked to write. */
  interventionCalls: ActivityCall[];
  /** The relay the service reaches Temporal through, when asked for: a test can cut it. */
  temporal: TcpProxy | undefined;
  newUser(role: Role): TestUser;
  /** The `Authorization` header of `user`, for calling use cases directly. */
  authorization(user: TestUser): Promise<string>;
  call: CallAs<TestUser>;
  /** Moves the service's clock (not the workflows') by `hours` from the real time. */
  setClockOffsetHours(hours: number): void;
  dispose(): Promise<void>;
}

let runtimeInstalled = false;

/** The SDK's INFO lines would drown the test report; warnings and failures still show. */
function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

export interface TicketsTestOptions {
  /** Reach Temporal through a relay the test can cut (the test's own workers do not). */
  temporalThroughProxy?: boolean;
}

export async function startTicketsService(
  prefix: string,
  options: TicketsTestOptions = {},
): Promise<TicketsTestContext> {
  quietTemporalRuntime();
  const workflowBundle = await bundleTicketLifecycleWorkflows();
  const database = await createTestDatabase(prefix, TICKETS_DATABASE_MIGRATIONS);
  const db = new PgClient({ connectionString: database.url });
  await db.connect();
  // Workflow ids are `ticket-<number>` on a shared Temporal server: numbers far from any other
  // run's keep this file's workflows its own (R5 still holds from there on).
  await db.query(`UPDATE number_sequences SET last_value = $1 WHERE name = 'ticket'`, [
    randomInt(1_000_000, 100_000_000_000),
  ]);
  const issuer = await TestTokenIssuer.start();
  const contracts = await FakeContracts.start();
  const taskQueuePrefix = `test-${randomUUID()}-`;
  const queues = ticketLifecycleTaskQueues(taskQueuePrefix);
  let offsetMs = 0;
  const [temporalHost = '127.0.0.1', temporalPort = '7233'] = TEST_TEMPORAL_ADDRESS.split(':');
  const temporal = options.temporalThroughProxy
    ? await startTcpProxy(Number(temporalPort), temporalHost)
    : undefined;
  const config = loadConfig(ticketsConfigSchema, {
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    NATS_URL: TEST_NATS_SERVERS,
    TEMPORAL_ADDRESS: temporal ? `127.0.0.1:${temporal.port}` : TEST_TEMPORAL_ADDRESS,
    TEMPORAL_PREFIX: taskQueuePrefix,
    JWKS_URL: issuer.jwksUrl,
    CONTRACTS_URL: contracts.url,
  });
  const app = await createTicketsApp(config, { clock: () => new Date(Date.now() + offsetMs) });
  const http = app.getHttpAdapter().getInstance();
  await http.ready();

  const connection = await NativeConnection.connect({ address: TEST_TEMPORAL_ADDRESS });
  const { activities, calls } = recordingActivities();
  // Only the interventions service's activities: the tickets' own run in the app under test.
  const { recordTicketStep: _hostedByTheApp, ...interventionActivities } = activities;
  const workers = [
    await Worker.create({ connection, taskQueue: queues.workflow, workflowBundle }),
    await Worker.create({
      connection,
      taskQueue: queues.interventions,
      activities: interventionActivities,
    }),
  ];
  const running = Promise.all(workers.map((worker) => worker.run()));

  const authorization = async (user: TestUser) =>
    `Bearer ${await issuer.sign({ id: user.id, role: user.role, email: 'someone@test.local', name: 'Someone' })}`;

  return {
    app,
    http,
    contracts,
    lifecycle: app.get(TicketLifecycleClient),
    queues,
    db,
    interventionCalls: calls,
    temporal,
    newUser: testUser,
    authorization,
    call: callAs(http, authorization),
    setClockOffsetHours: (hours) => {
      offsetMs = hours * 3_600_000;
    },
    async dispose() {
      await terminateWorkflows(app.get<TemporalClient>(TEMPORAL_CLIENT), db);
      await app.close();
      for (const worker of workers) worker.shutdown();
      await running;
      await connection.close();
      await temporal?.close();
      await db.end();
      await contracts.stop();
      await issuer.stop();
      await database.drop();
    },
  };
}

/** Leaves no workflow of this file running on the shared Temporal server. */
async function terminateWorkflows(client: TemporalClient, db: PgClient): Promise<void> {
  const { rows } = await db.query<{ number: string }>('SELECT number FROM tickets');
  await Promise.allSettled(
    rows.map((row) => client.workflow.getHandle(`ticket-${row.number}`).terminate('test finished')),
  );
}
