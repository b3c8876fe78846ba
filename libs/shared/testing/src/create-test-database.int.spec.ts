import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from './create-test-database';
import { TEST_POSTGRES_URL } from './test-infrastructure';

const databaseExists = async (name: string): Promise<boolean> => {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
};

describe('createTestDatabase', () => {
  it('creates a uniquely named, migrated database and drops it even with a session open', async () => {
    const database = await createTestDatabase('notes', join(__dirname, 'test-fixtures/migrations'));
    expect(database.name).toMatch(/^mg_test_notes_[0-9a-f]{8}$/);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    client.on('error', () => undefined); // the forced drop terminates this session
    await client.query("insert into notes (body) values ('migrated')");

    await database.drop();
    expect(await databaseExists(database.name)).toBe(false);
    await client.end().catch(() => undefined);
  });
});
