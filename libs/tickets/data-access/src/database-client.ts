import { type Prisma, type PrismaClient } from './generated/prisma/client';

/**
 * What a repository runs its queries through: the pooled client for a plain read, or the client
 * of an open transaction when it takes part in a unit of work.
 */
export type TicketsDatabaseClient = PrismaClient | Prisma.TransactionClient;

/** Generous enough for a burst of writers queueing on a counter row or the audit chain's lock. */
export const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * Runs `work` in a transaction: the one `db` belongs to when `joined`, else a new one. Prisma 7's
 * transaction client has a `$transaction` of its own, so the caller has to say which it holds.
 */
export function inTransaction<T>(
  db: TicketsDatabaseClient,
  joined: boolean,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return joined || !('$transaction' in db) ? work(db) : db.$transaction(work, TRANSACTION_OPTIONS);
}
