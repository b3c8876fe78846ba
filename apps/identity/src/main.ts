import { loadConfig } from '@mg/shared-config';
import { migrateDatabase } from '@mg/shared-database';
import { IDENTITY_DATABASE_MIGRATIONS } from './database/identity-migrations';
import { identityConfigSchema } from './identity.config';
import { createIdentityApp } from './identity-app';

async function main(): Promise<void> {
  const config = loadConfig(identityConfigSchema);
  await migrateDatabase({
    databaseUrl: config.DATABASE_URL,
    migrationsDirs: IDENTITY_DATABASE_MIGRATIONS,
  });
  const app = await createIdentityApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad config, database down): stderr is all there is.
  process.stderr.write(
    `identity failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
