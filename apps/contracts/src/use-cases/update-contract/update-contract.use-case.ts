import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { OutboxWriter } from '@mg/shared-outbox';
import {
  applyContractUpdate,
  assertNoOverlap,
  type ContractView,
  type UpdateContractInput,
  type WarrantyContract,
} from '@mg/contracts-domain';
import { ContractsTransactions } from '@mg/contracts-data-access';
import { contractUpdated } from '../../events/contract-events';
import { BusinessClock } from '../../time/business-clock';
import { actorOf, auditedBy, type Caller } from '../caller';
import { visibleContract } from '../visible-objects';

const TERMS = [
  'type',
  'startDate',
  'endDate',
  'slaHours',
  'resolutionHours',
  'coverage',
  'exclusions',
] as const satisfies readonly (keyof WarrantyContract)[];

const sameTerms = (a: WarrantyContract, b: WarrantyContract) =>
  TERMS.every((field) => a[field] === b[field]);

@Injectable()
export class UpdateContractUseCase {
  constructor(
    private readonly transactions: ContractsTransactions,
    private readonly clock: BusinessClock,
  ) {}

  /**
   * The patch is merged into the stored contract and the result checked as a whole: R1/R4
   * (a new `endDate` alone may fall before the stored start) and R2 against the project's others.
   * A patch that changes nothing writes nothing (no audit row, no event).
   * @throws DomainError NOT_FOUND, VALIDATION_FAILED, CONTRACT_OVERLAP
   */
  async execute(caller: Caller, id: string, patch: UpdateContractInput): Promise<ContractView> {
    const contract = await this.transactions.run(async (unit) => {
      const before = await visibleContract(unit, caller, id, { forUpdate: true });
      const merged = applyContractUpdate(before, patch);
      if (sameTerms(before, merged)) return before;
      assertNoOverlap(merged, await unit.contracts.findByProject(merged.projectId));
      const after = await unit.contracts.update(id, merged);
      await AuditTrail.record(unit.sql, {
        ...auditedBy(caller),
        action: 'contract.update',
        entityType: 'Contract',
        entityId: id,
        projectId: after.projectId,
        before,
        after,
      });
      await OutboxWriter.enqueue(
        unit.sql,
        contractUpdated(before, after, actorOf(caller), this.clock.now()),
      );
      return after;
    });
    return this.clock.present(contract);
  }
}
