import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedSchemaOf } from './expected-schema';
import { PrismaSchemaError, readDatamodel } from './prisma-dmmf';
import { type SchemaShape } from './schema-shape';

const fixture = readFileSync(join(__dirname, '../test-fixtures/drift/schema.prisma'), 'utf8');

describe('expectedSchemaOf', () => {
  let expected: SchemaShape;
  beforeAll(async () => {
    expected = expectedSchemaOf(await readDatamodel(fixture));
  });

  it('uses the @@map table names and @map column names', () => {
    expect(Object.keys(expected.tables).sort()).toEqual(['projects', 'tickets']);
    expect(Object.keys(expected.tables.tickets?.columns ?? {})).toEqual([
      'id',
      'number',
      'project_id',
      'title',
      'status',
      'sla_hours',
      'billable',
      'closed_at',
      'labels',
      'details',
    ]);
  });

  it('spells column types as PostgreSQL does, honouring @db attributes', () => {
    const types = Object.fromEntries(
      Object.entries(expected.tables.tickets?.columns ?? {}).map(([name, column]) => [
        name,
        column.type,
      ]),
    );
    expect(types).toEqual({
      id: 'uuid',
      number: 'integer',
      project_id: 'uuid',
      title: 'text',
      status: 'ticket_status',
      sla_hours: 'numeric(6,2)',
      billable: 'boolean',
      closed_at: 'timestamp(3) without time zone',
      labels: 'text[]',
      details: 'jsonb',
    });
    expect(expected.tables.projects?.columns.name?.type).toBe('character varying(120)');
    expect(expected.tables.projects?.columns.created_at?.type).toBe('timestamp(3) with time zone');
  });

  it('marks optional fields nullable and required ones NOT NULL', () => {
    expect(expected.tables.tickets?.columns.closed_at?.nullable).toBe(true);
    expect(expected.tables.tickets?.columns.title?.nullable).toBe(false);
  });

  it('derives keys, uniques, indexes and foreign keys with column names', () => {
    expect(expected.tables.tickets).toMatchObject({
      primaryKey: ['id'],
      uniques: [['number'], ['project_id', 'title']],
      indexes: [['project_id', 'status']],
      foreignKeys: [
        {
          columns: ['project_id'],
          referencedTable: 'projects',
          referencedColumns: ['id'],
          onDelete: 'CASCADE',
        },
      ],
    });
  });

  it('uses the mapped enum name and its values', () => {
    expect(expected.enums).toEqual({ ticket_status: ['OPEN', 'IN_PROGRESS', 'CLOSED'] });
  });

  it('explains an invalid schema in Prisma words, without terminal colours', async () => {
    const error = await readDatamodel('model Broken {').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PrismaSchemaError);
    expect((error as Error).message).toMatch(/model Broken/);
    expect((error as Error).message).not.toContain('\u001b[');
  });
});
