import { type SqlExecutor } from '@mg/shared-database';
import { ContractRepository } from './contract.repository';
import { type ContractsPrismaClient } from './contracts-database';
import { ProjectRepository } from './project.repository';

/** Everything one unit of work writes through; it all commits, or none of it does. */
export interface ContractsUnitOfWork {
  projects: ProjectRepository;
  contracts: ContractRepository;
  /**
   * The same transaction for the shared mechanisms (`AuditTrail.record`, `OutboxWriter.enqueue`),
   * so a change, its audit row and its event are written together.
   */
  sql: SqlExecutor;
}

/** Generous enough for a burst of writers queueing on the audit chain's lock. */
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * Runs use-case work in one database transaction (READ COMMITTED, which the audit chain needs).
 * A `DomainError` thrown inside rolls everything back and reaches the caller unchanged.
 */
export class ContractsTransactions {
  constructor(private readonly prisma: ContractsPrismaClient) {}

  run<T>(work: (unit: ContractsUnitOfWork) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      (tx) =>
        work({
          projects: new ProjectRepository(tx),
          contracts: new ContractRepository(tx),
          sql: tx,
        }),
      TRANSACTION_OPTIONS,
    );
  }
}
