import { DomainError } from '@mg/shared-kernel';
import { type TechnicalReport } from '@mg/interventions-domain';
import { inTransaction, type InterventionsDatabaseClient } from './database-client';
import { violatesUnique } from './database-errors';
import { reportColumns, toReport } from './intervention-rows';
import { afterPosition, LIST_ORDER, type ListWindow } from './list-position';
import { lockOnId, type WriteOnce } from './write-once';

/** The unique index that holds R17 (see the migration). */
const ONE_REPORT_PER_INTERVENTION = 'technical_reports_intervention_id_key';

/**
 * A report to submit, under the id its workflow chose: not validated yet; its ticket and project
 * are its intervention's.
 */
export type NewReport = Omit<
  TechnicalReport,
  'ticketId' | 'projectId' | 'validatedById' | 'validatedAt'
>;

/** Who validated a report, and when (R18). */
export interface ReportValidation {
  id: string;
  validatedById: string;
  validatedAt: Date;
}

/** The only code that reads and writes technical reports; it speaks domain types. */
export class ReportRepository {
  /** @param joined true when `db` is a transaction's client (see `BilletRepository`) */
  constructor(
    private readonly db: InterventionsDatabaseClient,
    private readonly joined = false,
  ) {}

  async findById(id: string): Promise<TechnicalReport | null> {
    const row = await this.db.technicalReport.findUnique({ where: { id }, select: reportColumns });
    return row ? toReport(row) : null;
  }

  async findByIntervention(interventionId: string): Promise<TechnicalReport | null> {
    const row = await this.db.technicalReport.findUnique({
      where: { interventionId },
      select: reportColumns,
    });
    return row ? toReport(row) : null;
  }

  /** Up to `limit + 1` reports of one ticket in (submittedAt, id) order, after `after`. */
  async listByTicket(ticketId: string, window: ListWindow): Promise<TechnicalReport[]> {
    const rows = await this.db.technicalReport.findMany({
      where: { AND: [{ intervention: { billet: { ticketId } } }, afterPosition(window.after)] },
      select: reportColumns,
      orderBy: LIST_ORDER,
      take: window.limit + 1,
    });
    return rows.map(toReport);
  }

  /**
   * Idempotent on `report.id`: a report already stored under it is answered as is.
   *
   * R17: the use case checks for an existing report first (`assertNoReportYet`); this is the
   * guarantee when two submissions race past that check: the unique constraint on
   * `intervention_id` lets only one of them commit.
   * @throws DomainError REPORT_ALREADY_SUBMITTED when the intervention already has another report.
   */
  async create({ submittedAt, ...report }: NewReport): Promise<WriteOnce<TechnicalReport>> {
    return inTransaction(this.db, this.joined, async (tx) => {
      await lockOnId(tx, report.id);
      const existing = await tx.technicalReport.findUnique({
        where: { id: report.id },
        select: reportColumns,
      });
      if (existing) return { entity: toReport(existing), created: false };
      try {
        const row = await tx.technicalReport.create({
          data: { ...report, createdAt: submittedAt },
          select: reportColumns,
        });
        return { entity: toReport(row), created: true };
      } catch (error) {
        if (violatesUnique(error, ONE_REPORT_PER_INTERVENTION)) {
          throw new DomainError(
            'REPORT_ALREADY_SUBMITTED',
            'This intervention already has its technical report.',
          );
        }
        throw error;
      }
    });
  }

  /**
   * Stores a validation once (R18): only a report not validated yet changes, so of two racing
   * validations one wins and the other is told nothing changed (`created: false`), with the
   * report as the winner left it. Null when no report has this id.
   */
  async markValidated({
    id,
    validatedById,
    validatedAt,
  }: ReportValidation): Promise<WriteOnce<TechnicalReport> | null> {
    const { count } = await this.db.technicalReport.updateMany({
      where: { id, validatedAt: null },
      data: { validatedById, validatedAt },
    });
    const report = await this.findById(id);
    return report ? { entity: report, created: count === 1 } : null;
  }
}
