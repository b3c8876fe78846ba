import { AUDIT_MIGRATIONS_DIR, AUDIT_TABLES } from '@mg/shared-audit';
import { findSchemaDrift } from '@mg/shared-database';
import { IDEMPOTENCY_MIGRATIONS_DIR, IDEMPOTENCY_TABLES } from '@mg/shared-idempotency';
import { OUTBOX_MIGRATIONS_DIR, OUTBOX_TABLES } from '@mg/shared-outbox';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { INTERVENTIONS_MIGRATIONS_DIR, INTERVENTIONS_SCHEMA_PATH } from './interventions-database';

jest.setTimeout(30_000);

let database: TestDatabase;

beforeAll(async () => {
  // The database as the service builds it: its own tables and the shared mechanisms' beside them.
  database = await createTestDatabase('interventions_drift', [
    INTERVENTIONS_MIGRATIONS_DIR,
    AUDIT_MIGRATIONS_DIR,
    IDEMPOTENCY_MIGRATIONS_DIR,
    OUTBOX_MIGRATIONS_DIR,
  ]);
});

afterAll(async () => {
  await database?.drop();
});

describe('interventions schema', () => {
  it('is the same in schema.prisma and in the database the SQL migrations build', async () => {
    expect(
      await findSchemaDrift({
        schemaPath: INTERVENTIONS_SCHEMA_PATH,
        databaseUrl: database.url,
        // Those tables belong to the shared libraries, which check them against their own schema.
        ignoreTables: [...AUDIT_TABLES, ...IDEMPOTENCY_TABLES, ...OUTBOX_TABLES],
      }),
    ).toEqual([]);
  });
});
