import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropDatabase, throwawayDatabaseUrl } from '../test-fixtures/throwaway-database';
import { migrateDatabase, MigrationError } from './migrate-database';

const migrationsDir = join(__dirname, '../test-fixtures/drift/migrations');

const tableNames = async (databaseUrl: string): Promise<string[]> => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by 1",
    );
    return result.rows.map((row) => row.name);
  } finally {
    await client.end();
  }
};

describe('migrateDatabase', () => {
  const databaseUrl = throwawayDatabaseUrl('migrate');
  afterAll(() => dropDatabase(databaseUrl));

  it('creates a missing database and applies every migration', async () => {
    const result = await migrateDatabase({ databaseUrl, migrationsDir });
    expect(result.applied).toEqual(['20250101000000_create_projects_and_tickets.sql']);
    expect(await tableNames(databaseUrl)).toEqual(['projects', 'schema_migrations', 'tickets']);
  });

  it('applies nothing the second time', async () => {
    expect(await migrateDatabase({ databaseUrl, migrationsDir })).toEqual({ applied: [] });
  });

  it('fails with dbmate’s explanation and no password when a migration is invalid', async () => {
    const brokenDir = mkdtempSync(join(tmpdir(), 'mg-migrations-'));
    writeFileSync(
      join(brokenDir, '20250101000000_broken.sql'),
      '-- migrate:up\ncreate tabel oops ();\n-- migrate:down\n',
    );
    const brokenUrl = throwawayDatabaseUrl('broken').replace('postgres@', 'postgres:pw-secret@');
    try {
      const attempt = migrateDatabase({ databaseUrl: brokenUrl, migrationsDir: brokenDir });
      await expect(attempt).rejects.toThrow(MigrationError);
      await expect(attempt).rejects.toThrow(/syntax error at or near "tabel"/);
      await expect(attempt).rejects.not.toThrow(/pw-secret/);
    } finally {
      await dropDatabase(brokenUrl);
    }
  });

  it('gives up on an unreachable server after the wait timeout', async () => {
    const attempt = migrateDatabase({
      databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere',
      migrationsDir,
      waitTimeoutSeconds: 1,
    });
    await expect(attempt).rejects.toThrow(/unable to connect|connection refused/);
  });

  it('applies the migrations of several directories as one set, in version order', async () => {
    const url = throwawayDatabaseUrl('dirs');
    try {
      const result = await migrateDatabase({
        databaseUrl: url,
        migrationsDirs: [join(__dirname, '../test-fixtures/second-migrations'), migrationsDir],
      });
      expect(result.applied).toEqual([
        '20250101000000_create_projects_and_tickets.sql',
        '20250102000000_create_labels.sql',
      ]);
      expect(await tableNames(url)).toEqual(['labels', 'projects', 'schema_migrations', 'tickets']);
    } finally {
      await dropDatabase(url);
    }
  });

  it('refuses two directories that use the same version', async () => {
    const clashing = mkdtempSync(join(tmpdir(), 'mg-migrations-'));
    writeFileSync(
      join(clashing, '20250101000000_other.sql'),
      '-- migrate:up\nselect 1;\n-- migrate:down\n',
    );
    await expect(
      migrateDatabase({ databaseUrl, migrationsDirs: [migrationsDir, clashing] }),
    ).rejects.toThrow(/version 20250101000000 is used twice/);
  });

  it('refuses a migrations directory that does not exist', async () => {
    await expect(
      migrateDatabase({ databaseUrl, migrationsDir: join(migrationsDir, 'nope') }),
    ).rejects.toThrow(/Migrations directory not found/);
  });
});
