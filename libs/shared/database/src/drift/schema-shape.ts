/**
 * The parts of a PostgreSQL schema that a Prisma client depends on, in one neutral shape so that
 * what `schema.prisma` promises and what the database holds can be compared field by field.
 * Names are database names (after @map / @@map).
 */
export interface ColumnShape {
  /** As PostgreSQL's `format_type` spells it (`character varying(200)`, `text[]`), enums by name. */
  type: string;
  nullable: boolean;
  isList: boolean;
}

export type ReferentialAction = 'CASCADE' | 'RESTRICT' | 'NO ACTION' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  /** Compared only when schema.prisma states it (`onDelete:`); Prisma's defaults vary. */
  onDelete?: ReferentialAction;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** Column lists of unique constraints and unique indexes. */
  uniques: string[][];
  /** Column lists of plain (non-unique) indexes. */
  indexes: string[][];
  foreignKeys: ForeignKeyShape[];
}

export interface SchemaShape {
  tables: Record<string, TableShape>;
  /** Enum type name → its values, in order. */
  enums: Record<string, string[]>;
}
