import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  type InjectionToken,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type JetStreamClient } from '@nats-io/jetstream';
import { JETSTREAM } from '@mg/shared-messaging';
import { OutboxRelay } from '../outbox-relay';
import { type OutboxRelayOptions } from '../outbox-relay.options';

export type OutboxModuleOptions = Omit<OutboxRelayOptions, 'jetstream'> & {
  /** The provider of the `JetStreamClient` (default `JETSTREAM` from `MessagingModule`). */
  jetstreamToken?: InjectionToken;
};

/**
 * Starts the relay once the app is up and stops it before shutdown hooks run, i.e. before
 * `MessagingModule` drains the NATS connection the relay publishes on.
 */
@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(OutboxRelay) private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/**
 * Publishes the service's outbox (`outbox_events`) to JetStream for as long as the app runs.
 * Use cases write events with `OutboxWriter.enqueue(tx, envelope)` inside their transaction.
 * Needs `MessagingModule.forRoot()` (or a provider under `jetstreamToken`).
 */
@Module({})
export class OutboxModule {
  static forRoot({ jetstreamToken = JETSTREAM, ...options }: OutboxModuleOptions): DynamicModule {
    return {
      module: OutboxModule,
      providers: [
        {
          provide: OutboxRelay,
          inject: [jetstreamToken],
          useFactory: (jetstream: JetStreamClient) => new OutboxRelay({ ...options, jetstream }),
        },
        OutboxRelayLifecycle,
      ],
      exports: [OutboxRelay],
    };
  }
}
