import { Runtime } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig } from '@mg/shared-config';
import { PinoTemporalLogger } from '@mg/shared-temporal';
import { workflowWorkerConfigSchema } from './workflow-worker.config';
import { createWorkflowWorkerApp } from './workflow-worker-app';

async function main(): Promise<void> {
  const config = loadConfig(workflowWorkerConfigSchema);
  Runtime.install({
    logger: new PinoTemporalLogger(
      pino({
        level: config.LOG_LEVEL,
        base: { service: 'workflow-worker', context: 'Temporal' },
        timestamp: pino.stdTimeFunctions.isoTime,
      }),
    ),
    // Nest owns SIGTERM/SIGINT (createHttpApp enables its shutdown hooks); closing the app
    // shuts the worker down, so the Runtime must not race it on the same signals.
    shutdownSignals: [],
  });
  const { app, worker } = await createWorkflowWorkerApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  // Resolves after a graceful shutdown; a worker failure rejects and ends the process.
  await worker.run();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `workflow-worker failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
