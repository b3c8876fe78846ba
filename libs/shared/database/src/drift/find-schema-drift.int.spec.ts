import { join } from 'node:path';
import { Client } from 'pg';
import { migrateDatabase } from '../migrations/migrate-database';
import { dropDatabase, throwawayDatabaseUrl } from '../test-fixtures/throwaway-database';
import { findSchemaDrift } from './find-schema-drift';

const fixtures = join(__dirname, '../test-fixtures/drift');
const schemaPath = join(fixtures, 'schema.prisma');

describe('findSchemaDrift', () => {
  const databaseUrl = throwawayDatabaseUrl('drift');
  const sql = async (statement: string) => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };

  beforeAll(() => migrateDatabase({ databaseUrl, migrationsDir: join(fixtures, 'migrations') }));
  afterAll(() => dropDatabase(databaseUrl));

  it('finds none when the migrations and schema.prisma agree', async () => {
    expect(await findSchemaDrift({ schemaPath, databaseUrl })).toEqual([]);
  });

  it('names the table and column of an altered type, a dropped NOT NULL and a dropped index', async () => {
    await sql(`alter table tickets alter column title type varchar(10)`);
    await sql(`alter table projects alter column name drop not null`);
    await sql(`drop index tickets_project_id_status_idx`);
    expect(await findSchemaDrift({ schemaPath, databaseUrl })).toEqual([
      'column "projects"."name": nullable in the database, NOT NULL in schema.prisma',
      'column "tickets"."title": type is character varying(10) in the database, text in schema.prisma',
      'index on "tickets"(project_id, status): missing in the database',
    ]);
  });

  it('reports an added enum value, an extra column and a changed ON DELETE', async () => {
    await sql(`alter type ticket_status add value 'REJECTED'`);
    await sql(`alter table projects add column legacy_code text`);
    await sql(`alter table tickets drop constraint tickets_project_id_fkey`);
    await sql(`alter table tickets add foreign key (project_id) references projects (id)`);
    const drift = await findSchemaDrift({ schemaPath, databaseUrl });
    expect(drift).toEqual(
      expect.arrayContaining([
        'column "projects"."legacy_code": in the database but not in schema.prisma',
        'foreign key "tickets"(project_id) → "projects"(id): ON DELETE NO ACTION in the database, CASCADE in schema.prisma',
        'enum "ticket_status": (OPEN, IN_PROGRESS, CLOSED, REJECTED) in the database, (OPEN, IN_PROGRESS, CLOSED) in schema.prisma',
      ]),
    );
  });

  it('ignores tables it is told to, and dbmate’s own', async () => {
    await sql(`create table outbox_scratch (id int primary key)`);
    const drift = await findSchemaDrift({
      schemaPath,
      databaseUrl,
      ignoreTables: ['outbox_scratch'],
    });
    expect(drift.filter((line) => /outbox_scratch|schema_migrations/.test(line))).toEqual([]);
  });
});
