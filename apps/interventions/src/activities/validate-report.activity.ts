import { Injectable } from '@nestjs/common';
import { assertMayValidate, carriesValidation } from '@mg/interventions-domain';
import { InterventionsTransactions } from '@mg/interventions-data-access';
import { AuditTrail } from '@mg/shared-audit';
import { DomainError } from '@mg/shared-kernel';
import { OutboxWriter } from '@mg/shared-outbox';
import {
  type ValidatedReport,
  type ValidateReportActivityInput,
} from '@mg/ticket-lifecycle-workflow';
import { reportData, reportValidated } from '../events/intervention-events';
import { auditedStep, eventOrigin } from './activity-input';

const alreadyValidated = () =>
  new DomainError('INVALID_TRANSITION', 'The report is already validated.');

@Injectable()
export class ValidateReportActivity {
  constructor(private readonly transactions: InterventionsTransactions) {}

  /**
   * Stores the report's validation (R18: four-eyes, once) by the step's actor at the step's time,
   * with its audit row and `report.validated`; the workflow then resolves the ticket. Run again
   * for the same step (same validator, same time), it answers the stored validation and writes
   * nothing; a different validation of a validated report is refused.
   */
  async execute(input: ValidateReportActivityInput): Promise<ValidatedReport> {
    const at = new Date(input.occurredAt);
    const answer = {
      reportId: input.reportId,
      validatedById: input.actor.id,
      validatedAt: at.toISOString(),
    };
    return this.transactions.run(async ({ reports, sql }) => {
      const report = await reports.findById(input.reportId);
      if (!report || report.ticketId !== input.ticketId) {
        throw new DomainError('NOT_FOUND', `No report ${input.reportId} on this ticket.`);
      }
      if (carriesValidation(report, input.actor, at)) return answer;
      assertMayValidate({ actor: input.actor, report });
      const written = await reports.markValidated({
        id: report.id,
        validatedById: input.actor.id,
        validatedAt: at,
      });
      if (!written) throw new DomainError('NOT_FOUND', `No report ${input.reportId}.`);
      if (!written.created) {
        // Another attempt of this very step committed first, or another validation did.
        if (carriesValidation(written.entity, input.actor, at)) return answer;
        throw alreadyValidated();
      }
      await AuditTrail.record(sql, {
        ...auditedStep(input),
        action: 'report.validate',
        entityType: 'TechnicalReport',
        entityId: report.id,
        projectId: report.projectId,
        before: reportData(report),
        after: reportData(written.entity),
      });
      await OutboxWriter.enqueue(sql, reportValidated(written.entity, eventOrigin(input)));
      return answer;
    });
  }
}
