import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import { type NatsConnection } from '@nats-io/transport-node';
import { type EventEnvelope } from '@mg/shared-kernel';
import { connectNats } from '../connect-nats';
import { MAINTENANCE_STREAM } from '../maintenance-stream';

/** One message as a consumer of the stream received it. */
export interface ReceivedEvent {
  /** The JetStream message id the publisher gave (the envelope id). */
  messageId: string | undefined;
  subject: string;
  streamSequence: number;
  envelope: EventEnvelope;
}

/**
 * A real JetStream consumer of the MAINTENANCE stream from now on (an ordered consumer, as a
 * downstream service would read it), keeping every message it receives. Other test files publish
 * to the same stream, so assertions select their own events (by project id).
 */
export class EventCollector {
  readonly received: ReceivedEvent[] = [];

  private constructor(
    private readonly connection: NatsConnection,
    private readonly messages: ConsumerMessages,
  ) {}

  static async start(options: { servers: string; subjects?: string }): Promise<EventCollector> {
    const { servers, subjects = 'maintenance.>' } = options;
    const connection = await connectNats({ servers, name: 'test-collector' });
    const consumer = await jetstream(connection).consumers.get(MAINTENANCE_STREAM, {
      filter_subjects: subjects,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(Date.now() - 1_000).toISOString(),
    });
    const collector = new EventCollector(connection, await consumer.consume());
    void collector.collect();
    return collector;
  }

  /** Every received event of these tickets, in stream order. */
  ofTickets(...ticketIds: string[]): ReceivedEvent[] {
    return this.received.filter((event) => ticketIds.includes(event.envelope.ticketId ?? ''));
  }

  /** Every received event of these projects, in stream order. */
  ofProjects(...projectIds: string[]): ReceivedEvent[] {
    return this.received.filter((event) => projectIds.includes(event.envelope.projectId));
  }

  async stop(): Promise<void> {
    await this.messages.close();
    await this.connection.close();
  }

  private async collect(): Promise<void> {
    for await (const message of this.messages) {
      this.received.push({
        messageId: message.headers?.get('Nats-Msg-Id'),
        subject: message.subject,
        streamSequence: message.seq,
        envelope: message.json<EventEnvelope>(),
      });
    }
  }
}
