import { Injectable } from '@nestjs/common';
import {
  assertDeveloperEligible,
  assertTicketProcessable,
  type Billet,
  type CandidateDeveloper,
  type IssueBilletInput,
} from '@mg/interventions-domain';
import { BilletRepository } from '@mg/interventions-data-access';
import { isDomainError } from '@mg/shared-kernel';
import {
  ContractsClient,
  IdentityClient,
  type TicketSummary,
  type UserSummary,
} from '@mg/shared-service-clients';
import { issueBilletUpdate, TicketLifecycleClient } from '@mg/ticket-lifecycle-workflow';
import { type Caller } from '../caller';
import { storedOrFail } from '../stored';
import { byCaller, lifecycleInputOf, updateIdOf } from '../ticket-lifecycle';
import { VisibleObjects } from '../visible-objects';

@Injectable()
export class IssueBilletUseCase {
  constructor(
    private readonly visible: VisibleObjects,
    private readonly identity: IdentityClient,
    private readonly contracts: ContractsClient,
    private readonly lifecycle: TicketLifecycleClient,
    private readonly billets: BilletRepository,
  ) {}

  /**
   * R11 and R12 are checked here first, to refuse with a precise reason before anything is
   * asked of the ticket's workflow; the workflow then decides (R9, R11 again against its own
   * state), numbers and stores the billet through this service's activity (R13).
   * @throws DomainError NOT_FOUND (ticket not visible), TICKET_NOT_PROCESSABLE,
   *   INVALID_TRANSITION (a RESOLVED ticket), DEVELOPER_NOT_ELIGIBLE, SERVICE_UNAVAILABLE
   */
  async execute(caller: Caller, { ticketId, ...billet }: IssueBilletInput): Promise<Billet> {
    const ticket = await this.visible.ticket(caller, ticketId);
    assertTicketProcessable(ticket);
    assertDeveloperEligible(await this.candidate(caller, ticket, billet.developerId));
    const issued = await this.lifecycle.update(
      lifecycleInputOf(ticket),
      issueBilletUpdate,
      { ...byCaller(caller), ...billet },
      { updateId: updateIdOf(caller, 'POST /billets') },
    );
    return storedOrFail('billet', issued.billetId, await this.billets.findById(issued.billetId));
  }

  /** R12's facts: the user as identity knows them (null if it does not) and the project's members. */
  private async candidate(
    caller: Caller,
    ticket: TicketSummary,
    developerId: string,
  ): Promise<CandidateDeveloper | null> {
    const [user, project] = await Promise.all([
      this.knownUser(caller, developerId),
      this.contracts.getProject(ticket.projectId, caller.authorization),
    ]);
    if (!user) return null;
    return {
      role: user.role,
      active: user.active,
      isProjectMember: project.memberIds.includes(developerId),
    };
  }

  private async knownUser(caller: Caller, id: string): Promise<UserSummary | null> {
    try {
      return await this.identity.getUser(id, caller.authorization);
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
