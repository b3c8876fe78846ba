import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, type Page, toPage } from '@mg/shared-kernel';
import { TicketRepository } from '@mg/tickets-data-access';
import { type ListTicketsQuery } from '@mg/tickets-domain';
import { TicketClock } from '../../time/ticket-clock';
import { type Caller } from '../caller';
import { type PresentedTicket, presentStoredTicket } from '../presented-ticket';
import { TicketAccess } from '../ticket-access';

@Injectable()
export class ListTicketsUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly access: TicketAccess,
    private readonly clock: TicketClock,
  ) {}

  /**
   * The tickets of the caller's projects (every project for an admin), filtered in the query so
   * another project's ticket never shows. Items carry no workflow progress: asking every
   * ticket's workflow would make a list as slow as its slowest workflow.
   * @throws DomainError NOT_FOUND when `projectId` names a project the caller cannot see
   */
  async execute(caller: Caller, query: ListTicketsQuery): Promise<Page<PresentedTicket>> {
    const projectIds = query.projectId
      ? [(await this.access.visibleProject(caller, query.projectId)).id]
      : await this.access.projectScope(caller);
    const rows = await this.tickets.list({
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      projectIds,
      status: query.status,
      severity: query.severity,
      billable: query.billable,
    });
    const page = toPage(rows, query.limit, (ticket) =>
      encodeCursor({ createdAt: ticket.createdAt, id: ticket.id }),
    );
    const now = this.clock.now();
    return {
      items: page.items.map((ticket) => presentStoredTicket(ticket, now)),
      nextCursor: page.nextCursor,
    };
  }
}
