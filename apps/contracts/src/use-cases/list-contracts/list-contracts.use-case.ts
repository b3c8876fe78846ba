import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, type Page, toPage } from '@mg/shared-kernel';
import {
  type ContractView,
  type ListContractsQuery,
  membershipScopeOf,
  type Viewer,
} from '@mg/contracts-domain';
import { ContractRepository } from '@mg/contracts-data-access';
import { BusinessClock } from '../../time/business-clock';

@Injectable()
export class ListContractsUseCase {
  constructor(
    private readonly contracts: ContractRepository,
    private readonly clock: BusinessClock,
  ) {}

  /**
   * The contracts of the viewer's projects (all of them for an admin), filtered in the query, so
   * another project's contract never shows, even when its project id is asked for.
   */
  async execute(viewer: Viewer, query: ListContractsQuery): Promise<Page<ContractView>> {
    const rows = await this.contracts.list({
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      projectId: query.projectId,
      type: query.type,
      active:
        query.active === undefined ? undefined : { value: query.active, today: this.clock.today() },
      memberId: membershipScopeOf(viewer),
    });
    const page = toPage(rows, query.limit, encodeCursor);
    return {
      items: page.items.map((contract) => this.clock.present(contract)),
      nextCursor: page.nextCursor,
    };
  }
}
