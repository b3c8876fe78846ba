import { findSchemaDrift } from '@mg/shared-database';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { IDENTITY_MIGRATIONS_DIR, IDENTITY_SCHEMA_PATH } from './identity-database';

jest.setTimeout(30_000);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('identity_drift', IDENTITY_MIGRATIONS_DIR);
});

afterAll(async () => {
  await database?.drop();
});

describe('identity schema', () => {
  it('is the same in schema.prisma and in the database the SQL migrations build', async () => {
    expect(
      await findSchemaDrift({ schemaPath: IDENTITY_SCHEMA_PATH, databaseUrl: database.url }),
    ).toEqual([]);
  });
});
