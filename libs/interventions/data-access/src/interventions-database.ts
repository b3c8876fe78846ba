import { join } from 'node:path';
import { createPrismaClient, type PrismaClientOptions } from '@mg/shared-database';
import { PrismaClient } from './generated/prisma/client';

/** The dbmate SQL migrations of the interventions database, applied by its service at start-up. */
export const INTERVENTIONS_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

/** The schema the client is generated from; the drift test compares it with the migrated database. */
export const INTERVENTIONS_SCHEMA_PATH = join(__dirname, '..', 'schema.prisma');

export type InterventionsPrismaClient = PrismaClient;

export function createInterventionsPrismaClient(
  databaseUrl: string,
  options?: PrismaClientOptions,
): InterventionsPrismaClient {
  return createPrismaClient(PrismaClient, databaseUrl, options);
}
