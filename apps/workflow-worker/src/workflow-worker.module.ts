import { type DynamicModule, Module } from '@nestjs/common';
import { TemporalWorker } from '@mg/shared-temporal';

/**
 * The worker process's HTTP side is health and readiness only (from createHttpApp). The worker is
 * registered so that closing the app shuts it down; Nest never creates anything Temporal runs.
 */
@Module({})
export class WorkflowWorkerModule {
  static forRoot(worker: TemporalWorker): DynamicModule {
    return {
      module: WorkflowWorkerModule,
      providers: [{ provide: TemporalWorker, useValue: worker }],
    };
  }
}
