import { Injectable } from '@nestjs/common';
import {
  assertMayRecordIntervention,
  interventionWarnings,
  recordInterventionSchema,
} from '@mg/interventions-domain';
import { InterventionsTransactions } from '@mg/interventions-data-access';
import { AuditTrail } from '@mg/shared-audit';
import { DomainError } from '@mg/shared-kernel';
import { OutboxWriter } from '@mg/shared-outbox';
import {
  type RecordedIntervention,
  type RecordInterventionActivityInput,
} from '@mg/ticket-lifecycle-workflow';
import {
  interventionData,
  interventionOverrun,
  interventionRecorded,
} from '../events/intervention-events';
import { auditedStep, eventOrigin, parsedInput } from './activity-input';

@Injectable()
export class RecordInterventionActivity {
  constructor(private readonly transactions: InterventionsTransactions) {}

  /**
   * Stores the work done under a billet of this ticket (R14), with R16's warning decided from the
   * billet's estimate, its audit row, `intervention.recorded` and, on an overrun,
   * `intervention.overrun`. Run again with the same `interventionId`, it answers the stored
   * intervention and writes nothing.
   */
  async execute(input: RecordInterventionActivityInput): Promise<RecordedIntervention> {
    const work = parsedInput(recordInterventionSchema, {
      billetId: input.billetId,
      actions: input.actions,
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      hoursSpent: input.hoursSpent,
      fixApplied: input.fixApplied,
      filesChanged: input.filesChanged,
    });
    return this.transactions.run(async ({ billets, interventions, sql }) => {
      const billet = await billets.findById(work.billetId);
      if (!billet || billet.ticketId !== input.ticketId) {
        throw new DomainError('NOT_FOUND', `No billet ${work.billetId} on this ticket.`);
      }
      assertMayRecordIntervention({ actor: input.actor, billet });
      const { entity: intervention, created } = await interventions.create({
        id: input.interventionId,
        billetId: billet.id,
        recordedById: input.actor.id,
        actions: work.actions,
        startedAt: new Date(work.startedAt),
        endedAt: work.endedAt ? new Date(work.endedAt) : null,
        hoursSpent: work.hoursSpent,
        fixApplied: work.fixApplied ?? null,
        filesChanged: work.filesChanged ?? null,
        warnings: interventionWarnings(work.hoursSpent, billet.estimatedHours),
        recordedAt: new Date(input.occurredAt),
      });
      if (created) {
        await AuditTrail.record(sql, {
          ...auditedStep(input),
          action: 'intervention.record',
          entityType: 'Intervention',
          entityId: intervention.id,
          projectId: intervention.projectId,
          after: interventionData(intervention),
        });
        const origin = eventOrigin(input);
        await OutboxWriter.enqueue(sql, interventionRecorded(intervention, origin));
        if (intervention.warnings.includes('TIME_OVERRUN')) {
          await OutboxWriter.enqueue(sql, interventionOverrun(intervention, billet, origin));
        }
      }
      return { interventionId: intervention.id, warnings: [...intervention.warnings] };
    });
  }
}
