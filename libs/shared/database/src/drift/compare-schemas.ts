import { type ForeignKeyShape, type SchemaShape, type TableShape } from './schema-shape';

const list = (columns: readonly string[]): string => `(${columns.join(', ')})`;
const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index]);
const containsList = (lists: readonly string[][], wanted: readonly string[]): boolean =>
  lists.some((candidate) => sameList(candidate, wanted));

function compareColumns(table: string, expected: TableShape, actual: TableShape): string[] {
  const drift: string[] = [];
  for (const [name, column] of Object.entries(expected.columns)) {
    const found = actual.columns[name];
    const where = `column "${table}"."${name}"`;
    if (!found) {
      drift.push(`${where}: missing in the database`);
      continue;
    }
    if (found.type !== column.type) {
      drift.push(
        `${where}: type is ${found.type} in the database, ${column.type} in schema.prisma`,
      );
    }
    // Prisma creates list columns without NOT NULL although the field is never null: skip them.
    if (!column.isList && found.nullable !== column.nullable) {
      const spell = (nullable: boolean) => (nullable ? 'nullable' : 'NOT NULL');
      drift.push(
        `${where}: ${spell(found.nullable)} in the database, ${spell(column.nullable)} in schema.prisma`,
      );
    }
  }
  for (const name of Object.keys(actual.columns)) {
    if (!expected.columns[name]) {
      drift.push(`column "${table}"."${name}": in the database but not in schema.prisma`);
    }
  }
  return drift;
}

function compareColumnLists(
  kind: 'unique' | 'index',
  table: string,
  expected: readonly string[][],
  actual: readonly string[][],
): string[] {
  const missing = expected
    .filter((columns) => !containsList(actual, columns))
    .map((columns) => `${kind} on "${table}"${list(columns)}: missing in the database`);
  const extra = actual
    .filter((columns) => !containsList(expected, columns))
    .map(
      (columns) =>
        `${kind} on "${table}"${list(columns)}: in the database but not in schema.prisma`,
    );
  return [...missing, ...extra];
}

const describeForeignKey = (table: string, key: ForeignKeyShape): string =>
  `foreign key "${table}"${list(key.columns)} → "${key.referencedTable}"${list(key.referencedColumns)}`;

const sameTarget = (a: ForeignKeyShape, b: ForeignKeyShape): boolean =>
  sameList(a.columns, b.columns) &&
  a.referencedTable === b.referencedTable &&
  sameList(a.referencedColumns, b.referencedColumns);

function compareForeignKeys(table: string, expected: TableShape, actual: TableShape): string[] {
  const drift: string[] = [];
  for (const key of expected.foreignKeys) {
    const found = actual.foreignKeys.find((candidate) => sameTarget(candidate, key));
    if (!found) {
      drift.push(`${describeForeignKey(table, key)}: missing in the database`);
    } else if (key.onDelete && found.onDelete !== key.onDelete) {
      drift.push(
        `${describeForeignKey(table, key)}: ON DELETE ${found.onDelete ?? '?'} in the database, ` +
          `${key.onDelete} in schema.prisma`,
      );
    }
  }
  for (const key of actual.foreignKeys) {
    if (!expected.foreignKeys.some((candidate) => sameTarget(candidate, key))) {
      drift.push(`${describeForeignKey(table, key)}: in the database but not in schema.prisma`);
    }
  }
  return drift;
}

function compareTable(table: string, expected: TableShape, actual: TableShape): string[] {
  const primaryKey = sameList(expected.primaryKey, actual.primaryKey)
    ? []
    : [
        `primary key of "${table}": ${list(actual.primaryKey)} in the database, ` +
          `${list(expected.primaryKey)} in schema.prisma`,
      ];
  return [
    ...compareColumns(table, expected, actual),
    ...primaryKey,
    ...compareColumnLists('unique', table, expected.uniques, actual.uniques),
    ...compareColumnLists('index', table, expected.indexes, actual.indexes),
    ...compareForeignKeys(table, expected, actual),
  ];
}

function compareEnums(expected: SchemaShape, actual: SchemaShape): string[] {
  const drift: string[] = [];
  for (const [name, values] of Object.entries(expected.enums)) {
    const found = actual.enums[name];
    if (!found) drift.push(`enum "${name}": missing in the database`);
    else if (!sameList(found, values)) {
      drift.push(
        `enum "${name}": ${list(found)} in the database, ${list(values)} in schema.prisma`,
      );
    }
  }
  for (const name of Object.keys(actual.enums)) {
    if (!expected.enums[name])
      drift.push(`enum "${name}": in the database but not in schema.prisma`);
  }
  return drift;
}

/**
 * Every difference between what schema.prisma describes and what the database holds, one
 * human-readable line each, naming the table and column. Empty means they agree.
 */
export function compareSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const drift: string[] = [];
  for (const [name, table] of Object.entries(expected.tables)) {
    const found = actual.tables[name];
    if (!found) drift.push(`table "${name}": missing in the database`);
    else drift.push(...compareTable(name, table, found));
  }
  for (const name of Object.keys(actual.tables)) {
    if (!expected.tables[name])
      drift.push(`table "${name}": in the database but not in schema.prisma`);
  }
  return [...drift, ...compareEnums(expected, actual)];
}
