import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@mg/shared-http';
import { TemporalWorker } from '@mg/shared-temporal';
import {
  TICKET_LIFECYCLE_BUNDLER_OPTIONS,
  TICKET_LIFECYCLE_WORKFLOWS_PATH,
  ticketLifecycleTaskQueues,
} from '@mg/ticket-lifecycle-workflow';
import { type WorkflowWorkerConfig } from './workflow-worker.config';
import { WorkflowWorkerModule } from './workflow-worker.module';

export interface WorkflowWorkerApp {
  app: NestFastifyApplication;
  worker: TemporalWorker;
}

/**
 * Connects to Temporal, creates the worker (not yet polling) and the HTTP app that reports on it
 * (not yet listening). The caller awaits `worker.run()`; `app.close()` stops the worker.
 */
export async function createWorkflowWorkerApp(
  config: WorkflowWorkerConfig,
): Promise<WorkflowWorkerApp> {
  const worker = await TemporalWorker.create({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: ticketLifecycleTaskQueues(config.TEMPORAL_PREFIX).workflow,
    workflowsPath: TICKET_LIFECYCLE_WORKFLOWS_PATH,
    bundlerOptions: TICKET_LIFECYCLE_BUNDLER_OPTIONS,
  });
  try {
    const app = await createHttpApp(WorkflowWorkerModule.forRoot(worker), {
      serviceName: 'workflow-worker',
      logLevel: config.LOG_LEVEL,
      openApi: {
        title: 'Workflow worker',
        description: 'Runs the ticket-lifecycle workflows; over HTTP it only reports its health.',
      },
      readinessChecks: worker.readinessChecks(),
    });
    await app.init();
    return { app, worker };
  } catch (error) {
    await worker.onApplicationShutdown();
    throw error;
  }
}
