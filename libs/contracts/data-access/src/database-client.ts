import { type Prisma, type PrismaClient } from './generated/prisma/client';

/**
 * What a repository runs its queries through: the pooled client for a plain read, or the client
 * of an open transaction when it takes part in a unit of work.
 */
export type ContractsDatabaseClient = PrismaClient | Prisma.TransactionClient;
