import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { OutboxWriter } from '@mg/shared-outbox';
import { type TicketLifecycleSnapshot, type TicketStepInput } from '@mg/ticket-lifecycle-workflow';
import { TicketsTransactions } from '@mg/tickets-data-access';
import { type TicketLifecycleState } from '@mg/tickets-domain';
import { ticketEvent } from '../../events/ticket-events';

const toDate = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/** The lifecycle as the workflow sent it (instants as ISO strings), in domain terms. */
const lifecycleOf = (snapshot: TicketLifecycleSnapshot): TicketLifecycleState => ({
  ...snapshot,
  firstBilletAt: toDate(snapshot.firstBilletAt),
  resolvedAt: toDate(snapshot.resolvedAt),
  closedAt: toDate(snapshot.closedAt),
  rejectedAt: toDate(snapshot.rejectedAt),
});

/** What a recorded step reports: false when it had been recorded before (a retried activity). */
export interface RecordedStep {
  applied: boolean;
}

@Injectable()
export class RecordTicketStepUseCase {
  constructor(private readonly transactions: TicketsTransactions) {}

  /**
   * The workflow's `recordTicketStep`: the history entry, the ticket's new lifecycle, the audit
   * row (action = the step kind) and the ticket event, if the step has one, in one transaction
   * and exactly once per `stepId`. The workflow decided the step; nothing is re-judged here.
   * @throws DomainError NOT_FOUND when the ticket does not exist
   */
  async execute(input: TicketStepInput): Promise<RecordedStep> {
    const occurredAt = new Date(input.occurredAt);
    return this.transactions.run(async ({ tickets, sql }) => {
      const outcome = await tickets.applyStep({
        id: input.stepId,
        ticketId: input.ticketId,
        kind: input.kind,
        actor: input.actor,
        occurredAt,
        reason: input.reason,
        details: input.details,
        lifecycle: lifecycleOf(input.lifecycle),
      });
      if (!outcome.applied) return { applied: false };
      const { after } = outcome;
      await AuditTrail.record(sql, {
        actor: input.actor,
        action: input.kind,
        entityType: 'Ticket',
        entityId: after.id,
        projectId: after.projectId,
        before: outcome.before,
        after,
        reason: input.reason,
        requestId: input.requestId,
      });
      if (input.event) {
        await OutboxWriter.enqueue(
          sql,
          ticketEvent(input.event, after, input.actor, occurredAt, {
            stepId: input.stepId,
            reason: input.reason,
          }),
        );
      }
      return { applied: true };
    });
  }
}
