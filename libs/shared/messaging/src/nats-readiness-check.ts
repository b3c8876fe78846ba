import { jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection } from '@nats-io/transport-node';
import { MAINTENANCE_STREAM } from './maintenance-stream';

/**
 * `GET /ready` check for NATS: the connection is open and JetStream answers a stream-info
 * request for the stream the service publishes to, within `timeoutMs`. A connection that is
 * reconnecting makes the request time out, so an outage shows as "down" within the deadline.
 */
export class NatsReadinessCheck {
  readonly name = 'nats';

  constructor(
    private readonly connection: NatsConnection,
    private readonly streamName = MAINTENANCE_STREAM,
    private readonly timeoutMs = 1_000,
  ) {}

  async check(): Promise<void> {
    if (this.connection.isClosed()) throw new Error('connection closed');
    const manager = await jetstreamManager(this.connection, { timeout: this.timeoutMs });
    await manager.streams.info(this.streamName);
  }
}
