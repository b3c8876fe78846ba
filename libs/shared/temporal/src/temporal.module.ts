import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { ClosableRetries } from './closable-retries';
import { TemporalReadinessCheck } from './temporal-readiness-check';

/** Inject with `@Inject(TEMPORAL_CONNECTION)`: the gRPC connection to the Temporal server. */
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
/** Inject with `@Inject(TEMPORAL_CLIENT)`: start workflows, send updates, query them. */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/**
 * A second connection used only by the readiness probe, without the SDK's retry interceptor: a
 * retried call keeps a timer alive past its deadline, and if the connection closes meanwhile
 * (shutdown right after a Temporal blip) that timer throws "Channel has been shut down" and
 * crashes the process. A probe must fail, not retry.
 */
const TEMPORAL_PROBE_CONNECTION = Symbol('TEMPORAL_PROBE_CONNECTION');

export interface TemporalModuleOptions {
  /** `host:port` of the frontend service (`127.0.0.1:7233`). */
  address: string;
  namespace: string;
  /** Give up connecting at boot after this long (default 5 s). */
  connectTimeoutMs?: number;
}

/**
 * Temporal client side for NestJS services (global module). Workflow code never sees this: it
 * runs in the worker's sandbox and gets nothing through dependency injection.
 */
@Module({})
export class TemporalModule implements OnApplicationShutdown {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(TEMPORAL_PROBE_CONNECTION) private readonly probeConnection: Connection,
    private readonly retries: ClosableRetries,
  ) {}

  static forRoot(options: TemporalModuleOptions): DynamicModule {
    return {
      module: TemporalModule,
      global: true,
      providers: [
        {
          provide: TEMPORAL_CONNECTION,
          inject: [ClosableRetries],
          useFactory: (retries: ClosableRetries) =>
            Connection.connect({
              address: options.address,
              connectTimeout: options.connectTimeoutMs ?? 5_000,
              interceptors: [retries.interceptor],
            }),
        },
        { provide: ClosableRetries, useValue: new ClosableRetries() },
        {
          provide: TEMPORAL_CLIENT,
          inject: [TEMPORAL_CONNECTION],
          useFactory: (connection: Connection) =>
            new Client({ connection, namespace: options.namespace }),
        },
        {
          provide: TEMPORAL_PROBE_CONNECTION,
          useFactory: () => Connection.lazy({ address: options.address, interceptors: [] }),
        },
        {
          provide: TemporalReadinessCheck,
          inject: [TEMPORAL_PROBE_CONNECTION],
          useFactory: (connection: Connection) => new TemporalReadinessCheck(connection),
        },
      ],
      exports: [TEMPORAL_CONNECTION, TEMPORAL_CLIENT, TemporalReadinessCheck],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.retries.closeWhenDrained(this.connection);
    await this.probeConnection.close();
  }
}
