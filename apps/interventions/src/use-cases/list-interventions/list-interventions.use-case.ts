import { Injectable } from '@nestjs/common';
import { type Intervention, type ListInterventionsQuery } from '@mg/interventions-domain';
import { InterventionRepository } from '@mg/interventions-data-access';
import { decodeCursor, encodeCursor, type Page, toPage } from '@mg/shared-kernel';
import { type Caller } from '../caller';
import { VisibleObjects } from '../visible-objects';

@Injectable()
export class ListInterventionsUseCase {
  constructor(
    private readonly visible: VisibleObjects,
    private readonly interventions: InterventionRepository,
  ) {}

  /**
   * The work recorded under one billet the caller can see, in recording order.
   * @throws DomainError NOT_FOUND when the billet does not exist or its ticket is not the caller's
   */
  async execute(caller: Caller, query: ListInterventionsQuery): Promise<Page<Intervention>> {
    await this.visible.billet(caller, query.billetId);
    const rows = await this.interventions.listByBillet(query.billetId, {
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    });
    return toPage(rows, query.limit, (intervention) =>
      encodeCursor({ createdAt: intervention.recordedAt, id: intervention.id }),
    );
  }
}
