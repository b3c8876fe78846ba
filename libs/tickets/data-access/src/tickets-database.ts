import { join } from 'node:path';
import { createPrismaClient, type PrismaClientOptions } from '@mg/shared-database';
import { PrismaClient } from './generated/prisma/client';

/** The dbmate SQL migrations of the tickets database, applied by its service at start-up. */
export const TICKETS_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

/** The schema the client is generated from; the drift test compares it with the migrated database. */
export const TICKETS_SCHEMA_PATH = join(__dirname, '..', 'schema.prisma');

export type TicketsPrismaClient = PrismaClient;

export function createTicketsPrismaClient(
  databaseUrl: string,
  options?: PrismaClientOptions,
): TicketsPrismaClient {
  return createPrismaClient(PrismaClient, databaseUrl, options);
}
