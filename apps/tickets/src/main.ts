import { loadConfig } from '@mg/shared-config';
import { migrateDatabase } from '@mg/shared-database';
import { installTemporalRuntime } from '@mg/shared-temporal';
import { TICKETS_DATABASE_MIGRATIONS } from './database/tickets-migrations';
import { createTicketsApp } from './tickets-app';
import { ticketsConfigSchema } from './tickets.config';

/** SIGTERM/SIGINT close the app gracefully: createHttpApp enables Nest's shutdown hooks. */
async function main(): Promise<void> {
  const config = loadConfig(ticketsConfigSchema);
  installTemporalRuntime({ service: 'tickets', level: config.LOG_LEVEL });
  await migrateDatabase({
    databaseUrl: config.DATABASE_URL,
    migrationsDirs: TICKETS_DATABASE_MIGRATIONS,
  });
  const app = await createTicketsApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad config, database down): stderr is all there is.
  process.stderr.write(
    `tickets failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
