import { Injectable } from '@nestjs/common';
import { issueBilletSchema } from '@mg/interventions-domain';
import { InterventionsTransactions } from '@mg/interventions-data-access';
import { AuditTrail } from '@mg/shared-audit';
import { OutboxWriter } from '@mg/shared-outbox';
import { type IssueBilletActivityInput, type IssuedBillet } from '@mg/ticket-lifecycle-workflow';
import { billetData, billetIssued } from '../events/intervention-events';
import { auditedStep, eventOrigin, parsedInput } from './activity-input';

@Injectable()
export class IssueBilletActivity {
  constructor(private readonly transactions: InterventionsTransactions) {}

  /**
   * Stores the billet the workflow decided on (R13: numbered in the same transaction), with its
   * audit row and `billet.issued`. Run again with the same `billetId`, it answers the stored
   * billet and writes nothing.
   */
  async execute(input: IssueBilletActivityInput): Promise<IssuedBillet> {
    const fields = parsedInput(issueBilletSchema, {
      ticketId: input.ticketId,
      developerId: input.developerId,
      type: input.type,
      estimatedHours: input.estimatedHours,
      instructions: input.instructions,
    });
    return this.transactions.run(async ({ billets, sql }) => {
      const { entity: billet, created } = await billets.create({
        id: input.billetId,
        ticketId: fields.ticketId,
        projectId: input.projectId,
        developerId: fields.developerId,
        type: fields.type,
        estimatedHours: fields.estimatedHours,
        instructions: fields.instructions ?? null,
        issuedById: input.actor.id,
        issuedAt: new Date(input.occurredAt),
      });
      if (created) {
        await AuditTrail.record(sql, {
          ...auditedStep(input),
          action: 'billet.issue',
          entityType: 'Billet',
          entityId: billet.id,
          projectId: billet.projectId,
          after: billetData(billet),
        });
        await OutboxWriter.enqueue(sql, billetIssued(billet, eventOrigin(input)));
      }
      return { billetId: billet.id, number: billet.number };
    });
  }
}
