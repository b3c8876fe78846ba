import { readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { readActualSchema } from './actual-schema';
import { compareSchemas } from './compare-schemas';
import { expectedSchemaOf } from './expected-schema';
import { readDatamodel } from './prisma-dmmf';

export interface FindSchemaDriftOptions {
  schemaPath: string;
  databaseUrl: string;
  /** PostgreSQL schema to inspect (default `public`). */
  schema?: string;
  /** Tables the client does not map; dbmate's `schema_migrations` is always ignored. */
  ignoreTables?: string[];
}

/**
 * Differences between a `schema.prisma` and a live (migrated) database: tables, columns, types,
 * nullability, primary keys, unique constraints, indexes, foreign keys and enums. Defaults,
 * check constraints, partial and expression indexes are not compared.
 */
export async function findSchemaDrift(options: FindSchemaDriftOptions): Promise<string[]> {
  const expected = expectedSchemaOf(
    await readDatamodel(await readFile(options.schemaPath, 'utf8')),
  );
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const ignored = new Set(['schema_migrations', ...(options.ignoreTables ?? [])]);
    const actual = await readActualSchema(client, options.schema ?? 'public', ignored);
    return compareSchemas(expected, actual);
  } finally {
    await client.end();
  }
}
