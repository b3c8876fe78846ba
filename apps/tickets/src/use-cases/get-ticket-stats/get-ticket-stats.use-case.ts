import { Injectable } from '@nestjs/common';
import { ContractsClient } from '@mg/shared-service-clients';
import { TicketRepository } from '@mg/tickets-data-access';
import {
  type ProjectIndicators,
  projectIndicators,
  type TicketStatsQuery,
} from '@mg/tickets-domain';
import { TicketClock } from '../../time/ticket-clock';
import { type Caller } from '../caller';
import { TicketAccess } from '../ticket-access';

@Injectable()
export class GetTicketStatsUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly contracts: ContractsClient,
    private readonly access: TicketAccess,
    private readonly clock: TicketClock,
  ) {}

  /**
   * One project's indicators (SPEC §7 `GET /stats`): its tickets from this service, its
   * contracts (R3 `active`, `daysRemaining`) as the contracts service states them.
   * @throws DomainError NOT_FOUND when the caller cannot see the project
   */
  async execute(caller: Caller, { projectId }: TicketStatsQuery): Promise<ProjectIndicators> {
    await this.access.visibleProject(caller, projectId);
    const [tickets, contracts] = await Promise.all([
      this.tickets.findStatsTickets(projectId),
      this.contracts.listContracts(projectId, caller.authorization),
    ]);
    return projectIndicators(tickets, contracts, this.clock.now());
  }
}
