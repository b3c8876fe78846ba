import { dropDatabase, migrateDatabase, withDatabaseName } from '@mg/shared-database';
import { TEST_POSTGRES_URL } from './test-infrastructure';
import { uniqueName } from './unique-name';

export interface TestDatabase {
  /** Connection URL of the new, migrated database. */
  url: string;
  name: string;
  /** Drops the database, closing any session still open on it. */
  drop(): Promise<void>;
}

/**
 * A throw-away database `mg_test_<prefix>_<random>` with every migration of `migrationsDirs` (one directory or several)
 * applied, exactly as a service migrates at start-up. Call `drop()` in `afterAll`.
 */
export async function createTestDatabase(
  prefix: string,
  migrationsDirs: string | readonly string[],
  serverUrl = TEST_POSTGRES_URL,
): Promise<TestDatabase> {
  const name = uniqueName(`mg_test_${prefix}`);
  const url = withDatabaseName(serverUrl, name);
  await migrateDatabase({
    databaseUrl: url,
    migrationsDirs: typeof migrationsDirs === 'string' ? [migrationsDirs] : migrationsDirs,
    waitTimeoutSeconds: 10,
  });
  return { url, name, drop: () => dropDatabase(url) };
}
