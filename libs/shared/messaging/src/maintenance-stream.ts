import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  RetentionPolicy,
  type StreamConfig,
  type StreamInfo,
  StorageType,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';

/** SPEC §8: every event of the product, on `maintenance.<type>`. */
export const MAINTENANCE_STREAM = 'MAINTENANCE';
export const MAINTENANCE_SUBJECTS = ['maintenance.>'];

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Events are kept 90 days (replays, late consumers); a message id seen within 2 minutes is
 * dropped, which makes the at-least-once publisher's retries harmless.
 */
export const maintenanceStreamConfig = (): Partial<StreamConfig> & { name: string } => ({
  name: MAINTENANCE_STREAM,
  subjects: MAINTENANCE_SUBJECTS,
  storage: StorageType.File,
  retention: RetentionPolicy.Limits,
  discard: DiscardPolicy.Old,
  duplicate_window: nanos(2 * MINUTE_MS),
  max_age: nanos(90 * DAY_MS),
  num_replicas: 1,
});

const isStreamNotFound = (error: unknown): boolean =>
  error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;

/**
 * Creates the `MAINTENANCE` stream, or brings an existing one to the configuration above. Safe
 * to call from every service at every start. (JetStream refuses to change the storage type of an
 * existing stream; that would need a manual migration.)
 */
export async function ensureMaintenanceStream(
  connection: NatsConnection,
  config: Partial<StreamConfig> & { name: string } = maintenanceStreamConfig(),
): Promise<StreamInfo> {
  const manager = await jetstreamManager(connection);
  try {
    await manager.streams.info(config.name);
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
    return manager.streams.add(config);
  }
  return manager.streams.update(config.name, config);
}
