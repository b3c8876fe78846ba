import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@mg/shared-http';
import { type WorkflowWorkerConfig } from './workflow-worker.config';
import { WorkflowWorkerModule } from './workflow-worker.module';
import {
  TicketLifecycleWorker,
  type TicketLifecycleWorkerOptions,
} from './worker/ticket-lifecycle-worker';
import { workerReadinessChecks } from './worker/worker-readiness-checks';

export interface WorkflowWorkerApp {
  app: NestFastifyApplication;
  worker: TicketLifecycleWorker;
}

/**
 * Connects to Temporal, creates the worker (not yet polling) and the HTTP app that reports on it
 * (not yet listening). The caller awaits `worker.run()`; `app.close()` stops the worker.
 */
export async function createWorkflowWorkerApp(
  config: WorkflowWorkerConfig,
  overrides: Pick<TicketLifecycleWorkerOptions, 'taskQueue'> = {},
): Promise<WorkflowWorkerApp> {
  const worker = await TicketLifecycleWorker.create({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    ...overrides,
  });
  try {
    const app = await createHttpApp(WorkflowWorkerModule.forRoot(worker), {
      serviceName: 'workflow-worker',
      logLevel: config.LOG_LEVEL,
      openApi: {
        title: 'Workflow worker',
        description: 'Runs the ticket-lifecycle workflows; over HTTP it only reports its health.',
      },
      readinessChecks: workerReadinessChecks(worker),
    });
    await app.init();
    return { app, worker };
  } catch (error) {
    await worker.onApplicationShutdown();
    throw error;
  }
}
