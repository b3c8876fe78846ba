import { findSchemaDrift } from '@mg/shared-database';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { AUDIT_MIGRATIONS_DIR, AUDIT_SCHEMA_PATH } from './audit-log.location';

jest.setTimeout(30_000);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('audit_drift', AUDIT_MIGRATIONS_DIR);
});

afterAll(async () => {
  await database?.drop();
});

describe('audit_log schema', () => {
  it('is the same in the fixture schema.prisma and in the database the migration builds', async () => {
    expect(
      await findSchemaDrift({ schemaPath: AUDIT_SCHEMA_PATH, databaseUrl: database.url }),
    ).toEqual([]);
  });
});
