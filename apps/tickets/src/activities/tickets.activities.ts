import { type TicketsActivities } from '@mg/ticket-lifecycle-workflow';
import { type RecordTicketStepUseCase } from '../use-cases/record-ticket-step/record-ticket-step.use-case';

/**
 * The activities the tickets service hosts on its own task queue (SPEC §3). Its activity worker
 * makes a domain refusal (an unknown ticket) fail for good, typed by its code; anything else (the
 * database away) is retried by the workflow.
 */
export function ticketsActivities(recordStep: RecordTicketStepUseCase): TicketsActivities {
  return {
    async recordTicketStep(input) {
      await recordStep.execute(input);
    },
  };
}
