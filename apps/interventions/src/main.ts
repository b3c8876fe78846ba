import { loadConfig } from '@mg/shared-config';
import { migrateDatabase } from '@mg/shared-database';
import { installTemporalRuntime } from '@mg/shared-temporal';
import { INTERVENTIONS_DATABASE_MIGRATIONS } from './database/interventions-migrations';
import { createInterventionsApp } from './interventions-app';
import { interventionsConfigSchema } from './interventions.config';

/** SIGTERM/SIGINT close the app gracefully: createHttpApp enables Nest's shutdown hooks. */
async function main(): Promise<void> {
  const config = loadConfig(interventionsConfigSchema);
  installTemporalRuntime({ service: 'interventions', level: config.LOG_LEVEL });
  await migrateDatabase({
    databaseUrl: config.DATABASE_URL,
    migrationsDirs: INTERVENTIONS_DATABASE_MIGRATIONS,
  });
  const app = await createInterventionsApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad config, database down): stderr is all there is.
  process.stderr.write(
    `interventions failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
