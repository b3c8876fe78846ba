import { compareSchemas } from './compare-schemas';
import { type SchemaShape, type TableShape } from './schema-shape';

const table = (overrides: Partial<TableShape> = {}): TableShape => ({
  columns: {
    id: { type: 'uuid', nullable: false, isList: false },
    title: { type: 'text', nullable: false, isList: false },
    tags: { type: 'text[]', nullable: false, isList: true },
  },
  primaryKey: ['id'],
  uniques: [['title']],
  indexes: [['title', 'id']],
  foreignKeys: [
    {
      columns: ['id'],
      referencedTable: 'projects',
      referencedColumns: ['id'],
      onDelete: 'CASCADE',
    },
  ],
  ...overrides,
});

const schema = (
  tickets: TableShape,
  enums: Record<string, string[]> = { status: ['A', 'B'] },
): SchemaShape => ({
  tables: { tickets },
  enums,
});

describe('compareSchemas', () => {
  it('finds no drift between identical shapes', () => {
    expect(compareSchemas(schema(table()), schema(table()))).toEqual([]);
  });

  it('names a table missing from the database, and one unknown to schema.prisma', () => {
    const expected: SchemaShape = { tables: { tickets: table() }, enums: {} };
    const actual: SchemaShape = { tables: { audit: table() }, enums: {} };
    expect(compareSchemas(expected, actual)).toEqual([
      'table "tickets": missing in the database',
      'table "audit": in the database but not in schema.prisma',
    ]);
  });

  it('names the table and column whose type differs', () => {
    const actual = table();
    actual.columns.title = { type: 'character varying(10)', nullable: false, isList: false };
    expect(compareSchemas(schema(table()), schema(actual))).toEqual([
      'column "tickets"."title": type is character varying(10) in the database, text in schema.prisma',
    ]);
  });

  it('reports a nullability difference', () => {
    const actual = table();
    actual.columns.title = { type: 'text', nullable: true, isList: false };
    expect(compareSchemas(schema(table()), schema(actual))).toEqual([
      'column "tickets"."title": nullable in the database, NOT NULL in schema.prisma',
    ]);
  });

  it('ignores the nullability of list columns, which Prisma leaves nullable', () => {
    const actual = table();
    actual.columns.tags = { type: 'text[]', nullable: true, isList: true };
    expect(compareSchemas(schema(table()), schema(actual))).toEqual([]);
  });

  it('reports missing and extra columns', () => {
    const actual = table();
    delete actual.columns.title;
    actual.columns.legacy = { type: 'text', nullable: true, isList: false };
    expect(compareSchemas(schema(table()), schema(actual))).toEqual([
      'column "tickets"."title": missing in the database',
      'column "tickets"."legacy": in the database but not in schema.prisma',
    ]);
  });

  it('reports a different primary key', () => {
    expect(compareSchemas(schema(table()), schema(table({ primaryKey: ['id', 'title'] })))).toEqual(
      ['primary key of "tickets": (id, title) in the database, (id) in schema.prisma'],
    );
  });

  it('reports a dropped index and an unexpected unique', () => {
    const actual = table({ indexes: [], uniques: [['title'], ['tags']] });
    expect(compareSchemas(schema(table()), schema(actual))).toEqual([
      'unique on "tickets"(tags): in the database but not in schema.prisma',
      'index on "tickets"(title, id): missing in the database',
    ]);
  });

  it('treats index column order as significant', () => {
    const actual = table({ indexes: [['id', 'title']] });
    expect(compareSchemas(schema(table()), schema(actual))).toHaveLength(2);
  });

  it('reports a missing foreign key and a different ON DELETE', () => {
    const missing = table({ foreignKeys: [] });
    expect(compareSchemas(schema(table()), schema(missing))).toEqual([
      'foreign key "tickets"(id) → "projects"(id): missing in the database',
    ]);
    const restrict = table({
      foreignKeys: [
        {
          columns: ['id'],
          referencedTable: 'projects',
          referencedColumns: ['id'],
          onDelete: 'NO ACTION',
        },
      ],
    });
    expect(compareSchemas(schema(table()), schema(restrict))).toEqual([
      'foreign key "tickets"(id) → "projects"(id): ON DELETE NO ACTION in the database, CASCADE in schema.prisma',
    ]);
  });

  it('does not compare ON DELETE when schema.prisma does not state it', () => {
    const expected = table({
      foreignKeys: [{ columns: ['id'], referencedTable: 'projects', referencedColumns: ['id'] }],
    });
    const actual = table({
      foreignKeys: [
        {
          columns: ['id'],
          referencedTable: 'projects',
          referencedColumns: ['id'],
          onDelete: 'NO ACTION',
        },
      ],
    });
    expect(compareSchemas(schema(expected), schema(actual))).toEqual([]);
  });

  it('reports enum values that differ, in order', () => {
    expect(compareSchemas(schema(table()), schema(table(), { status: ['A', 'B', 'C'] }))).toEqual([
      'enum "status": (A, B, C) in the database, (A, B) in schema.prisma',
    ]);
  });
});
