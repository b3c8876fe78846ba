import { Injectable } from '@nestjs/common';
import { type GetTicketQuery } from '@mg/tickets-domain';
import { TicketLifecycleClient } from '@mg/ticket-lifecycle-workflow';
import { TicketClock } from '../../time/ticket-clock';
import { type Caller } from '../caller';
import { type PresentedTicket, presentStoredTicket } from '../presented-ticket';
import { TicketAccess } from '../ticket-access';

@Injectable()
export class GetTicketUseCase {
  constructor(
    private readonly access: TicketAccess,
    private readonly lifecycle: TicketLifecycleClient,
    private readonly clock: TicketClock,
  ) {}

  /**
   * The ticket with its workflow's progress; a workflow that cannot answer in time leaves
   * `progress` null rather than failing the read, as does asking without it.
   * @throws DomainError NOT_FOUND for an unknown ticket or one of another project
   */
  async execute(
    caller: Caller,
    id: string,
    query: GetTicketQuery = { progress: true },
  ): Promise<PresentedTicket> {
    const ticket = await this.access.visibleTicket(caller, id);
    const progress = query.progress ? await this.lifecycle.progress(ticket.number) : null;
    return presentStoredTicket(ticket, this.clock.now(), progress);
  }
}
