import { Logger } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { type NatsConnection } from '@nats-io/transport-node';
import { createSqlClient, type SqlClient } from '@mg/shared-database';
import { connectNats, ensureMaintenanceStream } from '@mg/shared-messaging';
import {
  createTestDatabase,
  eventually,
  startTcpProxy,
  TEST_NATS_SERVERS,
  type TcpProxy,
  type TestDatabase,
} from '@mg/shared-testing';
import { OUTBOX_RELAY_APPLICATION_NAME, OutboxRelay } from './outbox-relay';
import { type OutboxRelayOptions } from './outbox-relay.options';
import { OutboxWriter } from './outbox-writer';
import { OUTBOX_MIGRATIONS_DIR } from './outbox.location';
import { sampleEvent, type StreamWatch, watchStream } from './test-fixtures/outbox-test-kit';

jest.setTimeout(60_000);

const SUBJECT = 'maintenance.contract.created';

let database: TestDatabase;
let prisma: SqlClient;
let nats: NatsConnection;
let watch: StreamWatch;
const relays: OutboxRelay[] = [];

beforeAll(async () => {
  // The outage test makes the relay warn on purpose; keep the test output readable.
  Logger.overrideLogger(false);
  database = await createTestDatabase('outbox_relay', OUTBOX_MIGRATIONS_DIR);
  prisma = createSqlClient(database.url, { poolSize: 2 });
  nats = await connectNats({ servers: TEST_NATS_SERVERS, name: 'outbox-relay-test' });
  await ensureMaintenanceStream(nats);
  watch = await watchStream(nats, SUBJECT);
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
});

afterAll(async () => {
  await watch?.stop();
  await nats?.close();
  await prisma?.$disconnect();
  await database?.drop();
});

const startRelay = (options: Partial<OutboxRelayOptions> = {}) => {
  const relay = new OutboxRelay({
    databaseUrl: database.url,
    jetstream: jetstream(nats),
    initialBackoffMs: 100,
    maxBackoffMs: 500,
    publishTimeoutMs: 1_000,
    ...options,
  });
  relays.push(relay);
  relay.start();
  return relay;
};

const outboxRow = async (id: string, client: SqlClient = prisma) => {
  const [row] = await client.$queryRawUnsafe<
    { published_at: Date | null; attempts: number; last_error: string | null }[]
  >('SELECT published_at, attempts, last_error FROM outbox_events WHERE id = $1::uuid', id);
  return row;
};

/** Waits a moment longer to be sure nothing more arrives, then checks the count. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('OutboxRelay', () => {
  it('delivers an enqueued event exactly once on the MAINTENANCE stream, then marks it', async () => {
    startRelay();
    const event = await OutboxWriter.enqueue(prisma, sampleEvent());
    await eventually(() => expect(watch.receivedWith([event.id])).toHaveLength(1));
    await settle();
    expect(watch.receivedWith([event.id])).toEqual([
      { id: event.id, seq: expect.any(Number), envelope: event },
    ]);
    await eventually(async () =>
      expect((await outboxRow(event.id))?.published_at).toBeInstanceOf(Date),
    );
  });

  it('is woken by the insert notification rather than waiting for its poll', async () => {
    startRelay({ pollIntervalMs: 60_000 });
    // Let the start-up cycle run and the LISTEN connection open; the next poll is a minute away.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const event = await OutboxWriter.enqueue(prisma, sampleEvent());
    await eventually(() => expect(watch.receivedWith([event.id])).toHaveLength(1), {
      timeoutMs: 2_000,
    });
  });

  it('keeps publishing after its database connections are cut (database restart)', async () => {
    startRelay({ pollIntervalMs: 200 });
    const relayConnections = `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = '${OUTBOX_RELAY_APPLICATION_NAME}'`;
    // Both of them open: the LISTEN connection and the pool's (kept idle between cycles).
    await eventually(async () =>
      expect(await prisma.$queryRawUnsafe<unknown[]>(relayConnections)).toHaveLength(2),
    );
    await prisma.$executeRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM (${relayConnections}) AS relay`,
    );
    const event = await OutboxWriter.enqueue(prisma, sampleEvent());
    await eventually(() => expect(watch.receivedWith([event.id])).toHaveLength(1));
  });

  it('publishes in insertion order', async () => {
    startRelay();
    const events = await prisma.$transaction(async (tx) => {
      const written = [];
      for (let n = 0; n < 5; n += 1) written.push(await OutboxWriter.enqueue(tx, sampleEvent()));
      return written;
    });
    const ids = events.map((event) => event.id);
    await eventually(() => expect(watch.receivedWith(ids)).toHaveLength(5));
    expect(watch.receivedWith(ids).map((message) => message.id)).toEqual(ids);
  });

  it('relies on JetStream to drop the re-publish after a crash between ack and mark', async () => {
    // The relay's "mark published" fails once, as if the process had died right after the ack.
    // A sequence counts the attempts: unlike a table, it is not rolled back with the failure.
    await prisma.$executeRawUnsafe('CREATE SEQUENCE mark_attempts');
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION fail_first_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.published_at IS NOT NULL AND nextval('mark_attempts') = 1 THEN
          RAISE EXCEPTION 'simulated crash after publish';
        END IF;
        RETURN NEW;
      END $$`);
    await prisma.$executeRawUnsafe(
      'CREATE TRIGGER fail_first_mark BEFORE UPDATE ON outbox_events FOR EACH ROW EXECUTE FUNCTION fail_first_mark()',
    );
    try {
      const relay = startRelay();
      const event = await OutboxWriter.enqueue(prisma, sampleEvent());
      await eventually(async () =>
        expect((await outboxRow(event.id))?.published_at).toBeInstanceOf(Date),
      );
      expect(relay.stats()).toMatchObject({ failures: 1, duplicates: 1 });
      await settle();
      expect(watch.receivedWith([event.id])).toHaveLength(1);
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER fail_first_mark ON outbox_events');
    }
  });
});

describe('OutboxRelay while NATS is unreachable', () => {
  let proxy: TcpProxy;
  let viaProxy: NatsConnection;
  let ownDatabase: TestDatabase;
  let ownPrisma: SqlClient;

  beforeAll(async () => {
    // Its own outbox: nothing left over by other tests sits ahead of this test's events.
    ownDatabase = await createTestDatabase('outbox_outage', OUTBOX_MIGRATIONS_DIR);
    ownPrisma = createSqlClient(ownDatabase.url, { poolSize: 2 });
    proxy = await startTcpProxy(
      Number(new URL(TEST_NATS_SERVERS.split(',')[0] ?? '').port || 4222),
    );
    viaProxy = await connectNats({
      servers: `nats://127.0.0.1:${proxy.port}`,
      name: 'outbox-proxied',
    });
  });

  afterAll(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await viaProxy?.close();
    await proxy?.close();
    await ownPrisma?.$disconnect();
    await ownDatabase?.drop();
  });

  it('keeps the events and publishes them, once each, when NATS is back', async () => {
    proxy.interrupt();
    const relay = startRelay({ databaseUrl: ownDatabase.url, jetstream: jetstream(viaProxy) });
    const events = [
      await OutboxWriter.enqueue(ownPrisma, sampleEvent()),
      await OutboxWriter.enqueue(ownPrisma, sampleEvent()),
    ];
    const ids = events.map((event) => event.id);
    await eventually(
      async () => {
        const row = await outboxRow(ids[0] ?? '', ownPrisma);
        expect(row).toMatchObject({ published_at: null, last_error: expect.any(String) });
        expect(row?.attempts).toBeGreaterThanOrEqual(1);
      },
      { timeoutMs: 10_000 },
    );
    expect(relay.stats().failures).toBeGreaterThanOrEqual(1);
    expect(watch.receivedWith(ids)).toEqual([]);

    proxy.restore();
    await eventually(() => expect(watch.receivedWith(ids)).toHaveLength(2), { timeoutMs: 15_000 });
    await eventually(async () =>
      expect((await outboxRow(ids[1] ?? '', ownPrisma))?.published_at).toBeInstanceOf(Date),
    );
    await settle();
    expect(watch.receivedWith(ids).map((message) => message.id)).toEqual(ids);
  });
});
