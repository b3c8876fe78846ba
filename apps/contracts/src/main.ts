import { loadConfig } from '@mg/shared-config';
import { migrateDatabase } from '@mg/shared-database';
import { createContractsApp } from './contracts-app';
import { contractsConfigSchema } from './contracts.config';
import { CONTRACTS_DATABASE_MIGRATIONS } from './database/contracts-migrations';

/** SIGTERM/SIGINT close the app gracefully: createHttpApp enables Nest's shutdown hooks. */
async function main(): Promise<void> {
  const config = loadConfig(contractsConfigSchema);
  await migrateDatabase({
    databaseUrl: config.DATABASE_URL,
    migrationsDirs: CONTRACTS_DATABASE_MIGRATIONS,
  });
  const app = await createContractsApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad config, database down): stderr is all there is.
  process.stderr.write(
    `contracts failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
