import { findSchemaDrift } from '@mg/shared-database';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { IDEMPOTENCY_MIGRATIONS_DIR, IDEMPOTENCY_SCHEMA_PATH } from './idempotency.location';

jest.setTimeout(30_000);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('idempotency_drift', IDEMPOTENCY_MIGRATIONS_DIR);
});

afterAll(async () => {
  await database?.drop();
});

describe('idempotency_keys schema', () => {
  it('is the same in the fixture schema.prisma and in the database the migration builds', async () => {
    expect(
      await findSchemaDrift({ schemaPath: IDEMPOTENCY_SCHEMA_PATH, databaseUrl: database.url }),
    ).toEqual([]);
  });
});
