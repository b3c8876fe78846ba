import { Injectable } from '@nestjs/common';
import { type ListReportsQuery, type TechnicalReport } from '@mg/interventions-domain';
import { ReportRepository } from '@mg/interventions-data-access';
import { decodeCursor, encodeCursor, type Page, toPage } from '@mg/shared-kernel';
import { type Caller } from '../caller';
import { VisibleObjects } from '../visible-objects';

@Injectable()
export class ListReportsUseCase {
  constructor(
    private readonly visible: VisibleObjects,
    private readonly reports: ReportRepository,
  ) {}

  /**
   * The technical reports of one ticket the caller can see, in submission order.
   * @throws DomainError NOT_FOUND when the ticket is not the caller's
   */
  async execute(caller: Caller, query: ListReportsQuery): Promise<Page<TechnicalReport>> {
    await this.visible.ticket(caller, query.ticketId);
    const rows = await this.reports.listByTicket(query.ticketId, {
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    });
    return toPage(rows, query.limit, (report) =>
      encodeCursor({ createdAt: report.submittedAt, id: report.id }),
    );
  }
}
