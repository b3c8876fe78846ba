import { join } from 'node:path';
import { createPrismaClient, type PrismaClientOptions } from '@mg/shared-database';
import { PrismaClient } from './generated/prisma/client';

/** The dbmate SQL migrations, applied by the identity service at start-up. */
export const IDENTITY_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

/** The schema the client is generated from; the drift test compares it with the migrated database. */
export const IDENTITY_SCHEMA_PATH = join(__dirname, '..', 'schema.prisma');

export type IdentityPrismaClient = PrismaClient;

export function createIdentityPrismaClient(
  databaseUrl: string,
  options?: PrismaClientOptions,
): IdentityPrismaClient {
  return createPrismaClient(PrismaClient, databaseUrl, options);
}
