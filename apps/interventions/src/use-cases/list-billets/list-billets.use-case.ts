import { Injectable } from '@nestjs/common';
import { type Billet, type ListBilletsQuery } from '@mg/interventions-domain';
import { BilletRepository } from '@mg/interventions-data-access';
import { decodeCursor, encodeCursor, type Page, toPage } from '@mg/shared-kernel';
import { type Caller } from '../caller';
import { VisibleObjects } from '../visible-objects';

@Injectable()
export class ListBilletsUseCase {
  constructor(
    private readonly visible: VisibleObjects,
    private readonly billets: BilletRepository,
  ) {}

  /**
   * The billets of one ticket the caller can see, in issue order. SPEC §7 lists "PM, admin"
   * here but §5 lets every member read: a developer must see the billet that authorizes them.
   * @throws DomainError NOT_FOUND when the ticket is not the caller's
   */
  async execute(caller: Caller, query: ListBilletsQuery): Promise<Page<Billet>> {
    await this.visible.ticket(caller, query.ticketId);
    const rows = await this.billets.listByTicket(query.ticketId, {
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    });
    return toPage(rows, query.limit, (billet) =>
      encodeCursor({ createdAt: billet.issuedAt, id: billet.id }),
    );
  }
}
