import {
  type FactoryProvider,
  type InjectionToken,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { refusingActivities } from './activity-refusals';
import { TemporalWorker } from './temporal-worker';

export interface ActivityWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
}

/**
 * The activity-only Temporal worker a service runs on its own task queue (SPEC §3): it starts
 * polling once the app has booted and stops, finishing its tasks, when the app closes. A
 * `DomainError` an activity throws is a refusal: non-retryable, typed by its code.
 */
export class ActivityWorker<Activities extends object = object>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  /** What the worker registers: the service's activities, their domain refusals made final. */
  readonly activities: Activities;
  private readonly logger = new Logger(ActivityWorker.name);
  private worker: TemporalWorker | undefined;

  constructor(
    private readonly options: ActivityWorkerOptions,
    activities: Activities,
  ) {
    this.activities = refusingActivities(activities);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker = await TemporalWorker.create({ ...this.options, activities: this.activities });
    this.worker.run().catch((error: unknown) => {
      // A worker that stopped on its own leaves the service unable to do its share: say so
      // loudly; `GET /ready` reports it too.
      this.logger.error({ err: error }, `The ${this.options.taskQueue} activity worker failed`);
    });
  }

  /** `GET /ready` checks: the server answers and this worker polls. */
  readinessChecks(): { name: string; check: () => Promise<void> }[] {
    return [
      {
        name: `activity-worker:${this.options.taskQueue}`,
        check: async () => {
          if (!this.worker) throw new Error('not started');
          if (this.worker.state !== 'RUNNING') throw new Error(`worker is ${this.worker.state}`);
        },
      },
    ];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.onApplicationShutdown();
  }
}

/**
 * Provides the service's `ActivityWorker`, its activities built by Nest from `inject`ed
 * providers (dependency injection reaches activities only, never workflow code).
 */
export function provideActivityWorker<Deps extends unknown[]>(
  options: ActivityWorkerOptions & {
    inject: InjectionToken[];
    activities: (...deps: Deps) => object;
  },
): FactoryProvider<ActivityWorker> {
  const { inject, activities, ...workerOptions } = options;
  return {
    provide: ActivityWorker,
    inject,
    useFactory: (...deps: unknown[]) =>
      new ActivityWorker(workerOptions, activities(...(deps as Deps))),
  };
}
