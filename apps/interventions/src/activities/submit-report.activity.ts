import { Injectable } from '@nestjs/common';
import { assertNoReportYet, submitReportSchema } from '@mg/interventions-domain';
import { InterventionsTransactions } from '@mg/interventions-data-access';
import { AuditTrail } from '@mg/shared-audit';
import { DomainError } from '@mg/shared-kernel';
import { OutboxWriter } from '@mg/shared-outbox';
import {
  type SubmitReportActivityInput,
  type SubmittedReport,
} from '@mg/ticket-lifecycle-workflow';
import { reportData, reportSubmitted } from '../events/intervention-events';
import { auditedStep, eventOrigin, parsedInput } from './activity-input';

@Injectable()
export class SubmitReportActivity {
  constructor(private readonly transactions: InterventionsTransactions) {}

  /**
   * Stores the technical report of an intervention of this ticket (R17: one per intervention),
   * authored by the step's actor, with its audit row and `report.submitted`. Run again with the
   * same `reportId`, it answers the stored report and writes nothing.
   */
  async execute(input: SubmitReportActivityInput): Promise<SubmittedReport> {
    const fields = parsedInput(submitReportSchema, {
      interventionId: input.interventionId,
      initialProblem: input.initialProblem,
      rootCause: input.rootCause,
      solution: input.solution,
      systemImpact: input.systemImpact,
      futureRisks: input.futureRisks,
      recommendations: input.recommendations,
    });
    return this.transactions.run(async ({ interventions, reports, sql }) => {
      const intervention = await interventions.findById(fields.interventionId);
      if (!intervention || intervention.ticketId !== input.ticketId) {
        throw new DomainError(
          'NOT_FOUND',
          `No intervention ${fields.interventionId} on this ticket.`,
        );
      }
      const existing = await reports.findByIntervention(intervention.id);
      if (existing?.id !== input.reportId) assertNoReportYet(existing);
      const { entity: report, created } = await reports.create({
        id: input.reportId,
        interventionId: intervention.id,
        authorId: input.actor.id,
        initialProblem: fields.initialProblem ?? null,
        rootCause: fields.rootCause,
        solution: fields.solution,
        systemImpact: fields.systemImpact ?? null,
        futureRisks: fields.futureRisks ?? null,
        recommendations: fields.recommendations ?? null,
        submittedAt: new Date(input.occurredAt),
      });
      if (created) {
        await AuditTrail.record(sql, {
          ...auditedStep(input),
          action: 'report.submit',
          entityType: 'TechnicalReport',
          entityId: report.id,
          projectId: report.projectId,
          after: reportData(report),
        });
        await OutboxWriter.enqueue(sql, reportSubmitted(report, eventOrigin(input)));
      }
      return { reportId: report.id };
    });
  }
}
