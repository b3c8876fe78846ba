import { Injectable } from '@nestjs/common';
import {
  assertMayRecordIntervention,
  type Intervention,
  type RecordInterventionInput,
} from '@mg/interventions-domain';
import { InterventionRepository } from '@mg/interventions-data-access';
import { recordInterventionUpdate, TicketLifecycleClient } from '@mg/ticket-lifecycle-workflow';
import { actorOf, type Caller } from '../caller';
import { storedOrFail } from '../stored';
import { byCaller, lifecycleInputOf, updateIdOf } from '../ticket-lifecycle';
import { VisibleObjects } from '../visible-objects';

@Injectable()
export class RecordInterventionUseCase {
  constructor(
    private readonly visible: VisibleObjects,
    private readonly lifecycle: TicketLifecycleClient,
    private readonly interventions: InterventionRepository,
  ) {}

  /**
   * R15 was checked by the body's schema. R14 is checked here against the stored billet, then
   * again by the ticket's workflow, which records the work through this service's activity
   * (R16's warning decided there, from the billet's estimate).
   * @throws DomainError NOT_FOUND (no such billet, or not the caller's), FORBIDDEN (another
   *   developer's billet), INVALID_TRANSITION (the ticket is not being worked on)
   */
  async execute(caller: Caller, input: RecordInterventionInput): Promise<Intervention> {
    const { entity: billet, ticket } = await this.visible.billet(caller, input.billetId);
    assertMayRecordIntervention({ actor: actorOf(caller), billet });
    const recorded = await this.lifecycle.update(
      lifecycleInputOf(ticket),
      recordInterventionUpdate,
      { ...byCaller(caller), ...input },
      { updateId: updateIdOf(caller, 'POST /interventions') },
    );
    return storedOrFail(
      'intervention',
      recorded.interventionId,
      await this.interventions.findById(recorded.interventionId),
    );
  }
}
