/**
 * `@mg/shared-database`: PostgreSQL plumbing every service shares.
 *
 * - `migrateDatabase({ databaseUrl, migrationsDir })` at start-up: dbmate creates the database if
 *   needed and applies `migrations/<yyyymmddhhmmss>_<name>.sql` (`-- migrate:up` / `-- migrate:down`).
 * - `createPrismaClient(PrismaClient, databaseUrl, { poolSize })`: the generated Prisma 7 client
 *   over `@prisma/adapter-pg` (no native engine).
 * - `PostgresReadinessCheck`: `SELECT 1` through that client (or a pg Pool) for `GET /ready`.
 * - `findSchemaDrift({ schemaPath, databaseUrl })`: what differs between `schema.prisma` and the
 *   migrated database; each data-access library has an integration test expecting `[]`.
 * - `SqlExecutor`: the raw-SQL shape (`$executeRawUnsafe` / `$queryRawUnsafe`) through which the
 *   shared mechanisms (audit, idempotency, outbox) use any service's Prisma client or transaction;
 *   `pgSqlExecutor(pool)` adapts node-postgres, `createSqlClient(url)` is a model-less Prisma client.
 * - Migrations of several directories (a service's own and those the shared libraries ship):
 *   `migrateDatabase({ databaseUrl, migrationsDirs: [...] })`.
 */
export * from './database-url';
export * from './drop-database';
export * from './drift/find-schema-drift';
export { PrismaSchemaError } from './drift/prisma-dmmf';
export * from './migrations/migrate-database';
export * from './prisma/create-prisma-client';
export * from './readiness/postgres-readiness-check';
export * from './sql/sql-client';
export * from './sql/sql-executor';
export * from './sql/next-sequence-value';
