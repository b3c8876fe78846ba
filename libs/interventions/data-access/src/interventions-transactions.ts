import { type SqlExecutor } from '@mg/shared-database';
import { BilletRepository } from './billet.repository';
import { TRANSACTION_OPTIONS } from './database-client';
import { InterventionRepository } from './intervention.repository';
import { type InterventionsPrismaClient } from './interventions-database';
import { ReportRepository } from './report.repository';

/** Everything one unit of work writes through; it all commits, or none of it does. */
export interface InterventionsUnitOfWork {
  billets: BilletRepository;
  interventions: InterventionRepository;
  reports: ReportRepository;
  /**
   * The same transaction for the shared mechanisms (`AuditTrail.record`, `OutboxWriter.enqueue`),
   * so a change, its audit row and its event are written together.
   */
  sql: SqlExecutor;
}

/**
 * Runs use-case work in one database transaction (READ COMMITTED, which the audit chain needs).
 * A `DomainError` thrown inside rolls everything back, a billet number taken included, and
 * reaches the caller unchanged.
 */
export class InterventionsTransactions {
  constructor(private readonly prisma: InterventionsPrismaClient) {}

  run<T>(work: (unit: InterventionsUnitOfWork) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      (tx) =>
        work({
          billets: new BilletRepository(tx, true),
          interventions: new InterventionRepository(tx, true),
          reports: new ReportRepository(tx, true),
          sql: tx,
        }),
      TRANSACTION_OPTIONS,
    );
  }
}
