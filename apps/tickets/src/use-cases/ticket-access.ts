import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ContractsClient, type ProjectSummary } from '@mg/shared-service-clients';
import { DomainError, isDomainError } from '@mg/shared-kernel';
import { type StoredTicket, TicketRepository } from '@mg/tickets-data-access';
import { type Caller } from './caller';

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/**
 * SPEC §5 object-level access. Membership is the contracts service's to decide, asked with the
 * caller's own token; a ticket of a project the caller may not see answers exactly like one that
 * does not exist (404), so its existence does not leak.
 */
@Injectable()
export class TicketAccess {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly contracts: ContractsClient,
  ) {}

  /** @throws DomainError NOT_FOUND for an unknown ticket or one of another project */
  async visibleTicket(caller: Caller, id: string): Promise<StoredTicket> {
    const notFound = new DomainError('NOT_FOUND', `No ticket has the id ${id}.`);
    if (!isUuid(id)) throw notFound;
    const ticket = await this.tickets.findById(id);
    if (!ticket) throw notFound;
    // An admin sees every project (SPEC §5): no need to ask.
    if (caller.role === 'ADMIN') return ticket;
    try {
      await this.contracts.getProject(ticket.projectId, caller.authorization);
    } catch (error) {
      // The contracts service's 404 names the project: answer about the ticket instead.
      if (isDomainError(error) && error.code === 'NOT_FOUND') throw notFound;
      throw error;
    }
    return ticket;
  }

  /** @throws DomainError NOT_FOUND for an unknown project or one the caller is not a member of */
  visibleProject(caller: Caller, projectId: string): Promise<ProjectSummary> {
    return this.contracts.getProject(projectId, caller.authorization);
  }

  /** The projects whose tickets the caller may list: every project (undefined) for an admin. */
  async projectScope(
    caller: Pick<Caller, 'role' | 'authorization'>,
  ): Promise<string[] | undefined> {
    if (caller.role === 'ADMIN') return undefined;
    return (await this.contracts.listProjects(caller.authorization)).map((project) => project.id);
  }
}
