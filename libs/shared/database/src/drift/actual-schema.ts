import { type Client } from 'pg';
import {
  type ColumnShape,
  type ForeignKeyShape,
  type ReferentialAction,
  type SchemaShape,
  type TableShape,
} from './schema-shape';

/** Column names of an index or constraint key, in key order, as text[]. */
const keyColumns = (keys: string, relation: string) => `array(
  select a.attname from unnest(${keys}) with ordinality as k(attnum, position)
  join pg_attribute a on a.attrelid = ${relation} and a.attnum = k.attnum
  order by k.position)::text[]`;

const TABLES_SQL = `
  select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = $1 and c.relkind in ('r', 'p')`;

const COLUMNS_SQL = `
  select c.relname as table, a.attname as column, not a.attnotnull as nullable,
         format_type(a.atttypid, a.atttypmod) as formatted,
         t.typtype as kind, t.typname as type_name,
         element.typtype as element_kind, element.typname as element_name
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid
  join pg_namespace n on n.oid = c.relnamespace
  join pg_type t on t.oid = a.atttypid
  left join pg_type element on element.oid = t.typelem and t.typcategory = 'A'
  where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
  order by c.relname, a.attnum`;

// Partial and expression indexes cannot be written in schema.prisma: they are left out.
const INDEXES_SQL = `
  select c.relname as table, ix.indisprimary as primary, ix.indisunique as unique,
         ${keyColumns('ix.indkey::int2[]', 'c.oid')} as columns
  from pg_index ix
  join pg_class c on c.oid = ix.indrelid
  join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = $1 and ix.indpred is null and ix.indexprs is null`;

const FOREIGN_KEYS_SQL = `
  select c.relname as table, target.relname as referenced_table, con.confdeltype as on_delete,
         ${keyColumns('con.conkey', 'con.conrelid')} as columns,
         ${keyColumns('con.confkey', 'con.confrelid')} as referenced_columns
  from pg_constraint con
  join pg_class c on c.oid = con.conrelid
  join pg_class target on target.oid = con.confrelid
  join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = $1 and con.contype = 'f'`;

const ENUMS_SQL = `
  select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as values
  from pg_type t
  join pg_enum e on e.enumtypid = t.oid
  join pg_namespace n on n.oid = t.typnamespace
  where n.nspname = $1
  group by t.typname`;

const ON_DELETE: Readonly<Record<string, ReferentialAction>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

interface ColumnRow {
  table: string;
  column: string;
  nullable: boolean;
  formatted: string;
  kind: string;
  type_name: string;
  element_kind: string | null;
  element_name: string | null;
}

interface IndexRow {
  table: string;
  primary: boolean;
  unique: boolean;
  columns: string[];
}

interface ForeignKeyRow {
  table: string;
  referenced_table: string;
  on_delete: string;
  columns: string[];
  referenced_columns: string[];
}

/**
 * `format_type` omits the default precision (6) of time types; spell it out so that
 * `timestamptz` in SQL and `@db.Timestamptz` in schema.prisma compare equal.
 */
const normalizeType = (formatted: string): string =>
  formatted.replace(/^(timestamp|time) (with|without) time zone/, '$1(6) $2 time zone');

/** Enums by bare name: `format_type` would quote mixed-case names (`"TicketStatus"`). */
function typeOf(row: ColumnRow): string {
  if (row.kind === 'e') return row.type_name;
  if (row.element_kind === 'e') return `${row.element_name}[]`;
  return normalizeType(row.formatted);
}

/** What the database holds in one schema (`public` unless told), read from the catalogs. */
export async function readActualSchema(
  client: Client,
  schema: string,
  ignoredTables: ReadonlySet<string>,
): Promise<SchemaShape> {
  // One after the other: a pg Client runs one query at a time anyway.
  const tables = await client.query<{ table: string }>(TABLES_SQL, [schema]);
  const columns = await client.query<ColumnRow>(COLUMNS_SQL, [schema]);
  const indexes = await client.query<IndexRow>(INDEXES_SQL, [schema]);
  const foreignKeys = await client.query<ForeignKeyRow>(FOREIGN_KEYS_SQL, [schema]);
  const enums = await client.query<{ name: string; values: string[] }>(ENUMS_SQL, [schema]);

  const shapes: Record<string, TableShape> = {};
  for (const { table } of tables.rows) {
    if (ignoredTables.has(table)) continue;
    shapes[table] = { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
  }
  for (const row of columns.rows) {
    const shape = shapes[row.table];
    if (!shape) continue;
    const column: ColumnShape = {
      type: typeOf(row),
      nullable: row.nullable,
      isList: row.element_kind !== null,
    };
    shape.columns[row.column] = column;
  }
  for (const row of indexes.rows) {
    const shape = shapes[row.table];
    if (!shape) continue;
    if (row.primary) shape.primaryKey = row.columns;
    else if (row.unique) shape.uniques.push(row.columns);
    else shape.indexes.push(row.columns);
  }
  for (const row of foreignKeys.rows) {
    const key: ForeignKeyShape = {
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      ...(ON_DELETE[row.on_delete] ? { onDelete: ON_DELETE[row.on_delete] } : {}),
    };
    shapes[row.table]?.foreignKeys.push(key);
  }
  const enumShapes: Record<string, string[]> = {};
  for (const row of enums.rows) enumShapes[row.name] = row.values;
  return { tables: shapes, enums: enumShapes };
}
