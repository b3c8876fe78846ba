import { join } from 'node:path';

/**
 * The SQL migrations that create `audit_log`, its hash chain and its append-only triggers. A
 * service passes this directory to `migrateDatabase({ migrationsDirs: [own, AUDIT_MIGRATIONS_DIR] })`.
 */
export const AUDIT_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

/** The tables this library owns in a service's database: a service's drift test ignores them. */
export const AUDIT_TABLES: readonly string[] = ['audit_log'];

/** The fixture describing AUDIT_TABLES, for this library's own drift test. */
export const AUDIT_SCHEMA_PATH = join(__dirname, '..', 'schema.prisma');
