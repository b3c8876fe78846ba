import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { OutboxWriter } from '@mg/shared-outbox';
import { assertNoOverlap, type ContractView, type CreateContractInput } from '@mg/contracts-domain';
import { ContractsTransactions } from '@mg/contracts-data-access';
import { contractCreated } from '../../events/contract-events';
import { BusinessClock } from '../../time/business-clock';
import { actorOf, auditedBy, type Caller } from '../caller';
import { visibleProject } from '../visible-objects';

@Injectable()
export class CreateContractUseCase {
  constructor(
    private readonly transactions: ContractsTransactions,
    private readonly clock: BusinessClock,
  ) {}

  /**
   * R1 and R4 were checked by the body's schema; R2 is checked here (naming the contract in the
   * way) and, against concurrent requests, by the database's exclusion constraint.
   * @throws DomainError NOT_FOUND (project not visible), CONTRACT_OVERLAP
   */
  async execute(caller: Caller, input: CreateContractInput): Promise<ContractView> {
    const contract = await this.transactions.run(async ({ projects, contracts, sql }) => {
      await visibleProject(projects, caller, input.projectId);
      assertNoOverlap(input, await contracts.findByProject(input.projectId));
      const created = await contracts.create({
        ...input,
        resolutionHours: input.resolutionHours ?? null,
        exclusions: input.exclusions ?? null,
      });
      await AuditTrail.record(sql, {
        ...auditedBy(caller),
        action: 'contract.create',
        entityType: 'Contract',
        entityId: created.id,
        projectId: created.projectId,
        after: created,
      });
      await OutboxWriter.enqueue(sql, contractCreated(created, actorOf(caller), this.clock.now()));
      return created;
    });
    return this.clock.present(contract);
  }
}
