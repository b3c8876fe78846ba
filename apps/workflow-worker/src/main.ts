import { loadConfig } from '@mg/shared-config';
import { installTemporalRuntime } from '@mg/shared-temporal';
import { workflowWorkerConfigSchema } from './workflow-worker.config';
import { createWorkflowWorkerApp } from './workflow-worker-app';

async function main(): Promise<void> {
  const config = loadConfig(workflowWorkerConfigSchema);
  installTemporalRuntime({ service: 'workflow-worker', level: config.LOG_LEVEL });
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
