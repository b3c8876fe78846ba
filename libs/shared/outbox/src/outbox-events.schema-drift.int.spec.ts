import { findSchemaDrift } from '@mg/shared-database';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { OUTBOX_MIGRATIONS_DIR, OUTBOX_SCHEMA_PATH } from './outbox.location';

jest.setTimeout(30_000);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('outbox_drift', OUTBOX_MIGRATIONS_DIR);
});

afterAll(async () => {
  await database?.drop();
});

describe('outbox_events schema', () => {
  it('is the same in the fixture schema.prisma and in the database the migration builds', async () => {
    expect(
      await findSchemaDrift({ schemaPath: OUTBOX_SCHEMA_PATH, databaseUrl: database.url }),
    ).toEqual([]);
  });
});
