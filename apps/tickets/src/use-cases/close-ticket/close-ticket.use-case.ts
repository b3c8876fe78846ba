import { Injectable } from '@nestjs/common';
import { closeUpdate } from '@mg/ticket-lifecycle-workflow';
import { type Caller } from '../caller';
import { type PresentedTicket } from '../presented-ticket';
import { TicketDecision } from '../ticket-decision';

@Injectable()
export class CloseTicketUseCase {
  constructor(private readonly decision: TicketDecision) {}

  /**
   * R9 RESOLVED → CLOSED, only with a validated technical report (R10); R8 freezes.
   * @throws DomainError NOT_FOUND, REPORT_NOT_VALIDATED, INVALID_TRANSITION
   */
  execute(caller: Caller, id: string): Promise<PresentedTicket> {
    return this.decision.apply(caller, id, {
      command: { type: 'close' },
      update: closeUpdate,
      details: {},
    });
  }
}
