import { Injectable } from '@nestjs/common';
import { type UpdateDefinition } from '@temporalio/common';
import {
  type ByActor,
  TicketLifecycleClient,
  type UpdateResult,
} from '@mg/ticket-lifecycle-workflow';
import { TicketRepository } from '@mg/tickets-data-access';
import { type TicketCommand, transition } from '@mg/tickets-domain';
import { TicketClock } from '../time/ticket-clock';
import { actorOf, type Caller } from './caller';
import { lifecycleInputOf } from './lifecycle-input';
import { type PresentedTicket, presentStoredTicket } from './presented-ticket';
import { TicketAccess } from './ticket-access';

/** A project manager's decision on a ticket (SPEC §7 close, reject, reopen). */
export interface Decision<Arg extends ByActor> {
  command: Extract<TicketCommand, { type: 'close' | 'reject' | 'reopen' }>;
  update: UpdateDefinition<UpdateResult, [Arg]>;
  /** What the update carries besides the actor and request id (the reason). */
  details: Omit<Arg, keyof ByActor>;
}

/**
 * Sends a decision to the ticket's workflow, the single authority on R9/R10, and answers the
 * ticket as the workflow's `recordTicketStep` activity stored it (it commits before the update
 * returns). A ticket whose lifecycle already ended has no workflow left to ask: the domain's
 * own transition states the refusal.
 */
@Injectable()
export class TicketDecision {
  constructor(
    private readonly access: TicketAccess,
    private readonly tickets: TicketRepository,
    private readonly lifecycle: TicketLifecycleClient,
    private readonly clock: TicketClock,
  ) {}

  /** @throws DomainError NOT_FOUND, INVALID_TRANSITION, REPORT_NOT_VALIDATED, SERVICE_UNAVAILABLE */
  async apply<Arg extends ByActor>(
    caller: Caller,
    id: string,
    decision: Decision<Arg>,
  ): Promise<PresentedTicket> {
    const ticket = await this.access.visibleTicket(caller, id);
    if (ticket.status === 'CLOSED' || ticket.status === 'REJECTED') {
      transition(ticket, decision.command, this.clock.now());
    }
    const arg = { ...decision.details, actor: actorOf(caller), requestId: caller.requestId } as Arg;
    const { progress } = await this.lifecycle.update(
      lifecycleInputOf(ticket),
      decision.update,
      arg,
      {
        // A retried request (same Idempotency-Key) cannot apply the step twice: Temporal keeps the
        // first update's result under this id.
        updateId: caller.idempotencyKey
          ? `${caller.id}:${caller.idempotencyKey}:${decision.command.type}:${ticket.id}`
          : undefined,
      },
    );
    const stored = await this.tickets.findById(ticket.id);
    if (!stored)
      throw new Error(`Ticket ${ticket.id} disappeared during a ${decision.command.type}`);
    return presentStoredTicket(stored, this.clock.now(), progress);
  }
}
