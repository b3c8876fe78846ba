import { randomUUID } from 'node:crypto';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { type NatsConnection } from '@nats-io/transport-node';
import { dropDatabase, migrateDatabase, withDatabaseName } from '@mg/shared-database';
import { type EventEnvelope } from '@mg/shared-kernel';
import { MAINTENANCE_STREAM } from '@mg/shared-messaging';
import { TEST_POSTGRES_URL, type TestDatabase, uniqueName } from '@mg/shared-testing';

/** A throw-away database migrated with several directories, as a service migrates its own. */
export async function createDatabaseWith(
  prefix: string,
  migrationsDirs: string[],
): Promise<TestDatabase> {
  const name = uniqueName(`mg_test_${prefix}`);
  const url = withDatabaseName(TEST_POSTGRES_URL, name);
  await migrateDatabase({ databaseUrl: url, migrationsDirs, waitTimeoutSeconds: 10 });
  return { url, name, drop: () => dropDatabase(url) };
}

export const sampleEvent = (overrides: Partial<EventEnvelope> = {}): EventEnvelope => ({
  id: randomUUID(),
  type: 'contract.created',
  version: 1,
  occurredAt: new Date().toISOString(),
  actor: 'system',
  projectId: randomUUID(),
  data: { contractId: randomUUID() },
  ...overrides,
});

export interface Received {
  id: string;
  seq: number;
  envelope: EventEnvelope;
}

export interface StreamWatch {
  /** What arrived so far with one of these ids, in stream order. */
  receivedWith(ids: readonly string[]): Received[];
  stop(): Promise<void>;
}

/**
 * Reads `maintenance.<type>` from MAINTENANCE with a fresh ordered consumer starting now, so
 * only this test's messages (filtered by id: other tests publish on the same subjects) count.
 */
export async function watchStream(
  connection: NatsConnection,
  subject: string,
): Promise<StreamWatch> {
  const consumer = await jetstream(connection).consumers.get(MAINTENANCE_STREAM, {
    // One subject as a string: the local server (2.9) predates lists of filters.
    filter_subjects: subject,
    deliver_policy: DeliverPolicy.StartTime,
    // A second of margin for the clocks of this process and the server.
    opt_start_time: new Date(Date.now() - 1_000).toISOString(),
  });
  const messages = await consumer.consume();
  const received: Received[] = [];
  const reading = (async () => {
    for await (const message of messages) {
      received.push({
        id: message.headers?.get('Nats-Msg-Id') ?? '',
        seq: message.seq,
        envelope: message.json<EventEnvelope>(),
      });
    }
  })();
  return {
    receivedWith: (ids) => received.filter((message) => ids.includes(message.id)),
    stop: async () => {
      await messages.close();
      await reading;
    },
  };
}
