import { jetstreamManager, StorageType } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { TEST_NATS_SERVERS, uniqueName } from '@mg/shared-testing';
import { connectNats } from './connect-nats';
import {
  ensureMaintenanceStream,
  MAINTENANCE_STREAM,
  maintenanceStreamConfig,
} from './maintenance-stream';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('ensureMaintenanceStream', () => {
  let connection: NatsConnection;
  const scratchStreams: string[] = [];

  /** A private copy of the stream config, so the test can create it from nothing. */
  const scratchConfig = () => {
    const name = uniqueName('MG_TEST').toUpperCase();
    scratchStreams.push(name);
    return { ...maintenanceStreamConfig(), name, subjects: [`${name.toLowerCase()}.>`] };
  };

  beforeAll(async () => {
    connection = await connectNats({ servers: TEST_NATS_SERVERS, name: 'messaging-test' });
  });
  afterAll(async () => {
    const manager = await jetstreamManager(connection);
    for (const name of scratchStreams) await manager.streams.delete(name).catch(() => false);
    await connection.close();
  });

  it('gives MAINTENANCE the SPEC §8 settings: maintenance.>, file storage, 2 min dedup, 90 days', async () => {
    const info = await ensureMaintenanceStream(connection);
    expect(info.config).toMatchObject({
      name: MAINTENANCE_STREAM,
      subjects: ['maintenance.>'],
      storage: StorageType.File,
      retention: 'limits',
      duplicate_window: nanos(2 * 60 * 1000),
      max_age: nanos(90 * DAY_MS),
    });
  });

  it('creates a missing stream, then updates it idempotently', async () => {
    const config = scratchConfig();
    const created = await ensureMaintenanceStream(connection, config);
    expect(created.config.subjects).toEqual(config.subjects);
    const again = await ensureMaintenanceStream(connection, config);
    expect(again.config).toEqual(created.config);
    expect(again.created).toEqual(created.created);
  });

  it('brings an existing stream with other limits back to the configured ones', async () => {
    const config = scratchConfig();
    await ensureMaintenanceStream(connection, { ...config, max_age: nanos(DAY_MS) });
    const updated = await ensureMaintenanceStream(connection, config);
    expect(updated.config.max_age).toBe(nanos(90 * DAY_MS));
  });
});
