import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { type NatsConnection } from '@nats-io/transport-node';
import { connectNats, type NatsConnectionOptions } from './connect-nats';
import { ensureMaintenanceStream } from './maintenance-stream';
import { NatsReadinessCheck } from './nats-readiness-check';

/** Inject the shared `NatsConnection` with `@Inject(NATS_CONNECTION)`. */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
/** Inject a `JetStreamClient` (publish with `msgID` for de-duplication) with `@Inject(JETSTREAM)`. */
export const JETSTREAM = Symbol('JETSTREAM');

export interface MessagingModuleOptions extends NatsConnectionOptions {
  /** Create or update the MAINTENANCE stream at start-up (default true). */
  ensureStream?: boolean;
}

/**
 * One NATS connection per process, available everywhere (global module), drained on shutdown
 * so buffered publishes are flushed before the process exits. Also provides
 * `NatsReadinessCheck` for the app's READINESS_CHECKS.
 */
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  private readonly logger = new Logger(MessagingModule.name);

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: NATS_CONNECTION,
          useFactory: async () => {
            const connection = await connectNats(options);
            if (options.ensureStream ?? true) await ensureMaintenanceStream(connection);
            return connection;
          },
        },
        {
          provide: JETSTREAM,
          inject: [NATS_CONNECTION],
          useFactory: (connection: NatsConnection) => jetstream(connection),
        },
        {
          provide: NatsReadinessCheck,
          inject: [NATS_CONNECTION],
          useFactory: (connection: NatsConnection) => new NatsReadinessCheck(connection),
        },
      ],
      exports: [NATS_CONNECTION, JETSTREAM, NatsReadinessCheck],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connection.isClosed()) return;
    try {
      await this.connection.drain();
    } catch (error) {
      // Draining fails when the server is already gone; closing is all that is left to do.
      this.logger.warn({ err: error }, 'NATS drain failed; closing');
      await this.connection.close();
    }
  }
}
