import { type DmmfDatamodel, type DmmfField, type DmmfModel } from './prisma-dmmf';
import {
  type ColumnShape,
  type ForeignKeyShape,
  type ReferentialAction,
  type SchemaShape,
  type TableShape,
} from './schema-shape';

/** Column types Prisma gives each scalar when no `@db.*` attribute says otherwise. */
const DEFAULT_TYPES: Readonly<Record<string, string>> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

const withLength = (base: string, args: readonly string[]) =>
  args.length > 0 ? `${base}(${args.join(',')})` : base;

/** PostgreSQL's default time precision is 6; see normalizeType in actual-schema.ts. */
const withPrecision = (base: string, zone: string, args: readonly string[]) =>
  `${base}(${args[0] ?? '6'}) ${zone} time zone`;

/** `@db.*` native types → `format_type` spelling. */
const NATIVE_TYPES: Readonly<Record<string, (args: readonly string[]) => string>> = {
  Text: () => 'text',
  VarChar: (args) => withLength('character varying', args),
  Char: (args) => `character(${args[0] ?? '1'})`,
  Uuid: () => 'uuid',
  Citext: () => 'citext',
  Inet: () => 'inet',
  Xml: () => 'xml',
  Bit: (args) => `bit(${args[0] ?? '1'})`,
  VarBit: (args) => withLength('bit varying', args),
  SmallInt: () => 'smallint',
  Integer: () => 'integer',
  Oid: () => 'oid',
  BigInt: () => 'bigint',
  DoublePrecision: () => 'double precision',
  Real: () => 'real',
  Decimal: (args) => withLength('numeric', args),
  Money: () => 'money',
  Boolean: () => 'boolean',
  Timestamp: (args) => withPrecision('timestamp', 'without', args),
  Timestamptz: (args) => withPrecision('timestamp', 'with', args),
  Time: (args) => withPrecision('time', 'without', args),
  Timetz: (args) => withPrecision('time', 'with', args),
  Date: () => 'date',
  Json: () => 'json',
  JsonB: () => 'jsonb',
  ByteA: () => 'bytea',
};

const REFERENTIAL_ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

type EnumNames = ReadonlyMap<string, string>;

function columnType(field: DmmfField, enumNames: EnumNames): string {
  const base =
    field.kind === 'enum'
      ? (enumNames.get(field.type) ?? field.type)
      : field.nativeType
        ? (NATIVE_TYPES[field.nativeType[0]]?.(field.nativeType[1]) ??
          field.nativeType[0].toLowerCase())
        : (DEFAULT_TYPES[field.type] ?? field.type.toLowerCase());
  return field.isList ? `${base}[]` : base;
}

const isColumn = (field: DmmfField) => field.kind === 'scalar' || field.kind === 'enum';

function tableOf(
  model: DmmfModel,
  datamodel: DmmfDatamodel,
  tableNames: ReadonlyMap<string, string>,
  enumNames: EnumNames,
): TableShape {
  const columnNames = new Map(
    model.fields.map((field) => [field.name, field.dbName ?? field.name]),
  );
  const columnsOf = (fieldNames: readonly string[]) =>
    fieldNames.map((name) => columnNames.get(name) ?? name);
  const modelIndexes = datamodel.indexes.filter((index) => index.model === model.name);
  const fieldsOf = (type: string) =>
    modelIndexes
      .filter((index) => index.type === type)
      .map((index) => columnsOf(index.fields.map((field) => field.name)));

  const columns: Record<string, ColumnShape> = {};
  for (const field of model.fields.filter(isColumn)) {
    columns[field.dbName ?? field.name] = {
      type: columnType(field, enumNames),
      nullable: !field.isRequired,
      isList: field.isList,
    };
  }

  const foreignKeys: ForeignKeyShape[] = model.fields
    .filter((field) => field.kind === 'object' && (field.relationFromFields?.length ?? 0) > 0)
    .map((field) => {
      const target = datamodel.models.find((candidate) => candidate.name === field.type);
      const targetColumns = new Map(
        (target?.fields ?? []).map((targetField) => [
          targetField.name,
          targetField.dbName ?? targetField.name,
        ]),
      );
      const onDelete = field.relationOnDelete
        ? REFERENTIAL_ACTIONS[field.relationOnDelete]
        : undefined;
      return {
        columns: columnsOf(field.relationFromFields ?? []),
        referencedTable: tableNames.get(field.type) ?? field.type,
        referencedColumns: (field.relationToFields ?? []).map(
          (name) => targetColumns.get(name) ?? name,
        ),
        ...(onDelete ? { onDelete } : {}),
      };
    });

  return {
    columns,
    primaryKey: fieldsOf('id')[0] ?? [],
    uniques: fieldsOf('unique'),
    indexes: fieldsOf('normal'),
    foreignKeys,
  };
}

/**
 * What schema.prisma promises the database holds. Implicit many-to-many join tables are not
 * modelled: declare the join model explicitly if one is needed.
 */
export function expectedSchemaOf(datamodel: DmmfDatamodel): SchemaShape {
  const enumNames = new Map(datamodel.enums.map((item) => [item.name, item.dbName ?? item.name]));
  const tableNames = new Map(
    datamodel.models.map((model) => [model.name, model.dbName ?? model.name]),
  );
  const tables: Record<string, TableShape> = {};
  for (const model of datamodel.models) {
    tables[model.dbName ?? model.name] = tableOf(model, datamodel, tableNames, enumNames);
  }
  const enums: Record<string, string[]> = {};
  for (const item of datamodel.enums) {
    enums[item.dbName ?? item.name] = item.values.map((value) => value.dbName ?? value.name);
  }
  return { tables, enums };
}
