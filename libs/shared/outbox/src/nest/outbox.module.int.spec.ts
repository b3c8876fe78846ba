import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NatsConnection } from '@nats-io/transport-node';
import { createSqlClient, type SqlClient } from '@mg/shared-database';
import { connectNats, MessagingModule } from '@mg/shared-messaging';
import {
  createTestDatabase,
  eventually,
  TEST_NATS_SERVERS,
  type TestDatabase,
} from '@mg/shared-testing';
import { OutboxRelay } from '../outbox-relay';
import { OutboxWriter } from '../outbox-writer';
import { OUTBOX_MIGRATIONS_DIR } from '../outbox.location';
import { sampleEvent, type StreamWatch, watchStream } from '../test-fixtures/outbox-test-kit';
import { OutboxModule } from './outbox.module';

jest.setTimeout(30_000);

let database: TestDatabase;
let prisma: SqlClient;
let nats: NatsConnection;
let watch: StreamWatch;

beforeAll(async () => {
  Logger.overrideLogger(false);
  database = await createTestDatabase('outbox_module', OUTBOX_MIGRATIONS_DIR);
  prisma = createSqlClient(database.url, { poolSize: 2 });
  nats = await connectNats({ servers: TEST_NATS_SERVERS, name: 'outbox-module-test' });
  watch = await watchStream(nats, 'maintenance.ticket.created');
});

afterAll(async () => {
  await watch?.stop();
  await nats?.close();
  await prisma?.$disconnect();
  await database?.drop();
});

describe('OutboxModule', () => {
  it('runs the relay while the app runs, on the app’s NATS connection, and stops it on close', async () => {
    const app = await NestFactory.createApplicationContext(
      {
        module: class OutboxTestModule {},
        imports: [
          MessagingModule.forRoot({ servers: TEST_NATS_SERVERS, name: 'outbox-module-app' }),
          OutboxModule.forRoot({ databaseUrl: database.url }),
        ],
      },
      { logger: false, abortOnError: false },
    );
    await app.init();
    const relay = app.get(OutboxRelay);
    const first = await OutboxWriter.enqueue(prisma, sampleEvent({ type: 'ticket.created' }));
    await eventually(() => expect(watch.receivedWith([first.id])).toHaveLength(1));

    await app.close();
    const second = await OutboxWriter.enqueue(prisma, sampleEvent({ type: 'ticket.created' }));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(watch.receivedWith([second.id])).toEqual([]);
    expect(relay.stats()).toMatchObject({ published: 1, failures: 0 });
  });
});
