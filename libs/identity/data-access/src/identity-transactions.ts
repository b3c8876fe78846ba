import { type SqlExecutor } from '@mg/shared-database';
import { type IdentityPrismaClient } from './identity-database';
import { UserRepository } from './user.repository';

/** Everything one unit of work writes through; it all commits, or none of it does. */
export interface IdentityUnitOfWork {
  users: UserRepository;
  /**
   * The same transaction for the shared mechanisms (`AuditTrail.record`), so a change and its
   * audit row are written together.
   */
  sql: SqlExecutor;
}

/** Generous enough for a burst of writers queueing on the audit chain's lock. */
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * Runs use-case work in one database transaction (READ COMMITTED, which the audit chain needs).
 * A `DomainError` thrown inside rolls everything back and reaches the caller unchanged.
 */
export class IdentityTransactions {
  constructor(private readonly prisma: IdentityPrismaClient) {}

  run<T>(work: (unit: IdentityUnitOfWork) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      (tx) => work({ users: new UserRepository(tx), sql: tx }),
      TRANSACTION_OPTIONS,
    );
  }
}
