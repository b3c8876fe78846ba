import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { OutboxWriter } from '@mg/shared-outbox';
import { type ContractSummary, ContractsClient } from '@mg/shared-service-clients';
import { TicketLifecycleClient } from '@mg/ticket-lifecycle-workflow';
import { type StoredTicket, TicketsTransactions } from '@mg/tickets-data-access';
import { type CreateTicketInput, openTicket, type TicketContract } from '@mg/tickets-domain';
import { ticketEvent } from '../../events/ticket-events';
import { TicketClock } from '../../time/ticket-clock';
import { actorOf, auditedBy, type Caller } from '../caller';
import { lifecycleInputOf } from '../lifecycle-input';
import { type PresentedTicket, presentStoredTicket } from '../presented-ticket';

const toTicketContract = (contract: ContractSummary): TicketContract => ({
  id: contract.id,
  projectId: contract.projectId,
  startDate: contract.startDate,
  endDate: contract.endDate,
  slaHours: contract.slaHours,
  resolutionHours: contract.resolutionHours,
});

/** How long a creation waits for its workflow to start before answering anyway. */
const WORKFLOW_START_WAIT_MS = 3_000;

@Injectable()
export class CreateTicketUseCase {
  private readonly logger = new Logger(CreateTicketUseCase.name);

  constructor(
    private readonly transactions: TicketsTransactions,
    private readonly contracts: ContractsClient,
    private readonly lifecycle: TicketLifecycleClient,
    private readonly clock: TicketClock,
  ) {}

  /**
   * R5 number, R6 coverage and SLA deadlines from the domain's `openTicket`; the ticket, its
   * first history entry, its audit row and `ticket.created` commit together. Its workflow is
   * started afterwards: if that fails the ticket still exists, and the first lifecycle command
   * starts the workflow.
   * @throws DomainError NOT_FOUND (project or contract not visible), CONTRACT_PROJECT_MISMATCH
   */
  async execute(caller: Caller, input: CreateTicketInput): Promise<PresentedTicket> {
    await this.contracts.getProject(input.projectId, caller.authorization);
    const contract = input.contractId
      ? toTicketContract(await this.contracts.getContract(input.contractId, caller.authorization))
      : null;
    const ticket = await this.transactions.run(async ({ tickets, sql }) => {
      const created = await tickets.create((sequence) => {
        // Read once the number is taken (the counter row is locked), so creation times increase
        // with numbers even under concurrent creations (R5).
        const now = this.clock.now();
        const { escalations: _none, ...opened } = openTicket({
          id: randomUUID(),
          sequence,
          createdById: caller.id,
          input,
          contract,
          now,
          timeZone: this.clock.timeZone,
        });
        return opened;
      }, actorOf(caller));
      await AuditTrail.record(sql, {
        ...auditedBy(caller),
        action: 'ticket.created',
        entityType: 'Ticket',
        entityId: created.id,
        projectId: created.projectId,
        after: created,
      });
      await OutboxWriter.enqueue(
        sql,
        ticketEvent('ticket.created', created, actorOf(caller), created.createdAt),
      );
      return created;
    });
    await this.startLifecycle(ticket);
    return presentStoredTicket(ticket, this.clock.now());
  }

  /**
   * Waits a moment for the workflow to start, never the Temporal client's full retry budget
   * (about 20 s against an unreachable server): the ticket is saved either way, a start still in
   * flight may finish later, and the first lifecycle command starts it if it never did.
   */
  private async startLifecycle(ticket: StoredTicket): Promise<void> {
    const context = { ticketId: ticket.id, number: ticket.number };
    const started = this.lifecycle.start(lifecycleInputOf(ticket)).then(
      () => 'started' as const,
      (error: unknown) => {
        this.logger.warn(
          { err: error, ...context },
          'The ticket was saved but its workflow did not start; its first lifecycle command will start it',
        );
        return 'failed' as const;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'waiting'>((resolve) => {
      timer = setTimeout(() => resolve('waiting'), WORKFLOW_START_WAIT_MS);
    });
    const outcome = await Promise.race([started, waited]);
    clearTimeout(timer);
    if (outcome === 'waiting') {
      this.logger.warn(
        context,
        'The ticket’s workflow is slow to start; answering without waiting',
      );
    }
  }
}
