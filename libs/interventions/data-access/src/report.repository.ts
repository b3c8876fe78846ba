import { DomainError } from '@mg/shared-kernel';
import { type TechnicalReport } from '@mg/interventions-domain';
import { type InterventionsDatabaseClient } from './database-client';
import { violatesUnique } from './database-errors';
import { reportColumns, toReport } from './intervention-rows';

/** The unique index that holds R17 (see the migration). */
const ONE_REPORT_PER_INTERVENTION = 'technical_reports_intervention_id_key';

/** A report to submit: not validated yet; its ticket and project are its intervention's. */
export type NewReport = Omit<
  TechnicalReport,
  'id' | 'ticketId' | 'projectId' | 'validatedById' | 'validatedAt'
>;

/** The only code that reads and writes technical reports; it speaks domain types. */
export class ReportRepository {
  constructor(private readonly db: InterventionsDatabaseClient) {}

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

  /**
   * R17: the use case checks for an existing report first (`assertNoReportYet`); this is the
   * guarantee when two submissions race past that check: the unique constraint on
   * `intervention_id` lets only one of them commit.
   * @throws DomainError REPORT_ALREADY_SUBMITTED when the intervention already has its report.
   */
  async create({ submittedAt, ...report }: NewReport): Promise<TechnicalReport> {
    try {
      const row = await this.db.technicalReport.create({
        data: { ...report, createdAt: submittedAt },
        select: reportColumns,
      });
      return toReport(row);
    } catch (error) {
      if (violatesUnique(error, ONE_REPORT_PER_INTERVENTION)) {
        throw new DomainError(
          'REPORT_ALREADY_SUBMITTED',
          'This intervention already has its technical report.',
        );
      }
      throw error;
    }
  }
}
