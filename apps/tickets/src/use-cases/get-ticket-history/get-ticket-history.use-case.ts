import { Injectable } from '@nestjs/common';
import { TicketRepository } from '@mg/tickets-data-access';
import { type TicketHistoryEntry } from '@mg/tickets-domain';
import { type Caller } from '../caller';
import { TicketAccess } from '../ticket-access';

@Injectable()
export class GetTicketHistoryUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly access: TicketAccess,
  ) {}

  /**
   * The ticket's timeline, oldest first: its creation, then every recorded step.
   * @throws DomainError NOT_FOUND for an unknown ticket or one of another project
   */
  async execute(caller: Caller, id: string): Promise<TicketHistoryEntry[]> {
    const ticket = await this.access.visibleTicket(caller, id);
    return this.tickets.history(ticket.id);
  }
}
