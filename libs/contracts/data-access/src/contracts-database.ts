import { join } from 'node:path';
import { createPrismaClient, type PrismaClientOptions } from '@mg/shared-database';
import { PrismaClient } from './generated/prisma/client';

/** The dbmate SQL migrations of the contracts database, applied by its service at start-up. */
export const CONTRACTS_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

/** The schema the client is generated from; the drift test compares it with the migrated database. */
export const CONTRACTS_SCHEMA_PATH = join(__dirname, '..', 'schema.prisma');

export type ContractsPrismaClient = PrismaClient;

export function createContractsPrismaClient(
  databaseUrl: string,
  options?: PrismaClientOptions,
): ContractsPrismaClient {
  return createPrismaClient(PrismaClient, databaseUrl, options);
}
