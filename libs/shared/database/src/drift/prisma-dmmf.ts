/** The subset of Prisma's DMMF datamodel the drift check reads. */
export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}

export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}

export interface DmmfDatamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

/** schema.prisma could not be parsed; the message is Prisma's own, without terminal colours. */
export class PrismaSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrismaSchemaError';
  }
}

// eslint-disable-next-line no-control-regex -- stripping ANSI colour codes is the point
const ANSI_ESCAPES = /\u001b\[[0-9;]*m/g;

function prismaMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(raw) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message.replace(ANSI_ESCAPES, '') : raw;
  } catch {
    return raw.replace(ANSI_ESCAPES, '');
  }
}

/**
 * Parses schema.prisma with Prisma's own parser compiled to WebAssembly
 * (`@prisma/prisma-schema-wasm`): no native engine, no download, the same rules as the CLI.
 * Loaded on first use: services import this library but only tests check drift, and the module
 * costs ~10 MB and ~150 ms to load.
 */
export async function readDatamodel(schemaText: string): Promise<DmmfDatamodel> {
  const { get_dmmf } = await import('@prisma/prisma-schema-wasm');
  try {
    const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as {
      datamodel: DmmfDatamodel;
    };
    return dmmf.datamodel;
  } catch (error) {
    throw new PrismaSchemaError(prismaMessage(error));
  }
}
