import { Runtime } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig } from '@mg/shared-config';
import { migrateDatabase } from '@mg/shared-database';
import { PinoTemporalLogger } from '@mg/shared-temporal';
import { INTERVENTIONS_DATABASE_MIGRATIONS } from './database/interventions-migrations';
import { createInterventionsApp } from './interventions-app';
import { interventionsConfigSchema } from './interventions.config';

/** SIGTERM/SIGINT close the app gracefully: createHttpApp enables Nest's shutdown hooks. */
async function main(): Promise<void> {
  const config = loadConfig(interventionsConfigSchema);
  Runtime.install({
    logger: new PinoTemporalLogger(
      pino({
        level: config.LOG_LEVEL,
        base: { service: 'interventions', context: 'Temporal' },
        timestamp: pino.stdTimeFunctions.isoTime,
      }),
    ),
    // Nest owns SIGTERM/SIGINT (createHttpApp enables its shutdown hooks); closing the app
    // stops the activity worker, so the Runtime must not race it on the same signals.
    shutdownSignals: [],
  });
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
