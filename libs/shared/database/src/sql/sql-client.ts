import { createPrismaClient, type PrismaClientOptions } from '../prisma/create-prisma-client';
import { PrismaClient } from './sql-client/generated/client';

/**
 * A Prisma client without models: `$queryRawUnsafe`, `$executeRawUnsafe` and `$transaction` over
 * the same driver stack as the services' own clients. For code that is not tied to one service's
 * schema: scripts, and the tests of the shared SQL mechanisms, which must behave exactly as they
 * will inside a service's Prisma transaction.
 */
export type SqlClient = PrismaClient;

export function createSqlClient(databaseUrl: string, options?: PrismaClientOptions): SqlClient {
  return createPrismaClient(PrismaClient, databaseUrl, options);
}
