import { loadConfig } from '@mg/shared-config';
import { INTERVENTIONS_MIGRATIONS_DIR } from '@mg/interventions-data-access';
import { migrateDatabase } from '@mg/shared-database';
import { createInterventionsApp } from './interventions-app';
import { interventionsConfigSchema } from './interventions.config';

/** SIGTERM/SIGINT close the app gracefully: createHttpApp enables Nest's shutdown hooks. */
async function main(): Promise<void> {
  const config = loadConfig(interventionsConfigSchema);
  await migrateDatabase({
    databaseUrl: config.DATABASE_URL,
    migrationsDir: INTERVENTIONS_MIGRATIONS_DIR,
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
