import { type SqlExecutor } from '@mg/shared-database';
import { TRANSACTION_OPTIONS } from './database-client';
import { type TicketsPrismaClient } from './tickets-database';
import { TicketRepository } from './ticket.repository';

/** Everything one unit of work writes through; it all commits, or none of it does. */
export interface TicketsUnitOfWork {
  tickets: TicketRepository;
  /**
   * The same transaction for the shared mechanisms (`AuditTrail.record`, `OutboxWriter.enqueue`),
   * so a change, its audit row and its event are written together.
   */
  sql: SqlExecutor;
}

/**
 * Runs use-case work in one database transaction (READ COMMITTED, which the audit chain needs).
 * A `DomainError` thrown inside rolls everything back, the R5 number taken included, and
 * reaches the caller unchanged.
 */
export class TicketsTransactions {
  constructor(private readonly prisma: TicketsPrismaClient) {}

  run<T>(work: (unit: TicketsUnitOfWork) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      (tx) => work({ tickets: new TicketRepository(tx, true), sql: tx }),
      TRANSACTION_OPTIONS,
    );
  }
}
