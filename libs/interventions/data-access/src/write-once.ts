import { type Prisma } from './generated/prisma/client';

/**
 * What an idempotent write answers: the row as stored, and whether this call stored it. A call
 * that finds its row already there (a retried workflow activity) writes nothing, so its caller
 * must not write a second audit row or event either.
 */
export interface WriteOnce<T> {
  entity: T;
  created: boolean;
}

/**
 * Serialises writers of one id until the transaction ends: a retried activity racing its first
 * attempt waits for it, then finds the row (READ COMMITTED sees it once committed) instead of
 * failing on the primary key, which would abort the whole transaction.
 */
export async function lockOnId(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`;
}
