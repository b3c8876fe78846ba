import { Injectable } from '@nestjs/common';
import { rejectUpdate } from '@mg/ticket-lifecycle-workflow';
import { type TicketReasonInput } from '@mg/tickets-domain';
import { type Caller } from '../caller';
import { type PresentedTicket } from '../presented-ticket';
import { TicketDecision } from '../ticket-decision';

@Injectable()
export class RejectTicketUseCase {
  constructor(private readonly decision: TicketDecision) {}

  /**
   * R9 OPEN|IN_PROGRESS → REJECTED with the reason given; R8 freezes.
   * @throws DomainError NOT_FOUND, INVALID_TRANSITION
   */
  execute(caller: Caller, id: string, { reason }: TicketReasonInput): Promise<PresentedTicket> {
    return this.decision.apply(caller, id, {
      command: { type: 'reject', reason },
      update: rejectUpdate,
      details: { reason },
    });
  }
}
