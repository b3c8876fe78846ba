import { Injectable } from '@nestjs/common';
import { reopenUpdate } from '@mg/ticket-lifecycle-workflow';
import { type TicketReasonInput } from '@mg/tickets-domain';
import { type Caller } from '../caller';
import { type PresentedTicket } from '../presented-ticket';
import { TicketDecision } from '../ticket-decision';

@Injectable()
export class ReopenTicketUseCase {
  constructor(private readonly decision: TicketDecision) {}

  /**
   * R9 RESOLVED → IN_PROGRESS: the client does not accept the fix, and says why.
   * @throws DomainError NOT_FOUND, INVALID_TRANSITION
   */
  execute(caller: Caller, id: string, { reason }: TicketReasonInput): Promise<PresentedTicket> {
    return this.decision.apply(caller, id, {
      command: { type: 'reopen', reason },
      update: reopenUpdate,
      details: { reason },
    });
  }
}
