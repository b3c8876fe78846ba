import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { OutboxWriter } from '@mg/shared-outbox';
import { demoUserId } from '@mg/shared-kernel';
import { DEMO_MEMBER_EMAILS, DEMO_PROJECT_NAME, demoContracts } from '@mg/contracts-domain';
import { ContractsTransactions } from '@mg/contracts-data-access';
import { contractCreated } from '../../events/contract-events';
import { BusinessClock } from '../../time/business-clock';

/**
 * SPEC §10 demo data, for development mode only (the caller decides): the project "Application
 * E-Commerce" with the five demo users as members (their ids derived from their emails, as
 * identity seeds them) and its two contracts for the current year. Seeded once: an existing
 * project of that name, however it was changed since, is left alone. Written like any change,
 * with audit rows and `contract.created` events, by the actor "system".
 */
@Injectable()
export class SeedDemoDataUseCase {
  private readonly logger = new Logger(SeedDemoDataUseCase.name);

  constructor(
    private readonly transactions: ContractsTransactions,
    private readonly clock: BusinessClock,
  ) {}

  /** @returns whether anything was seeded. */
  execute(): Promise<boolean> {
    return this.transactions.run(async ({ projects, contracts, sql }) => {
      if (await projects.findByName(DEMO_PROJECT_NAME)) return false;
      const project = await projects.create({
        name: DEMO_PROJECT_NAME,
        client: 'Demo',
        memberIds: DEMO_MEMBER_EMAILS.map(demoUserId),
      });
      const system = { actor: 'system' as const };
      await AuditTrail.record(sql, {
        ...system,
        action: 'project.create',
        entityType: 'Project',
        entityId: project.id,
        projectId: project.id,
        after: project,
      });
      for (const terms of demoContracts(this.clock.today())) {
        const contract = await contracts.create({ projectId: project.id, ...terms });
        await AuditTrail.record(sql, {
          ...system,
          action: 'contract.create',
          entityType: 'Contract',
          entityId: contract.id,
          projectId: project.id,
          after: contract,
        });
        await OutboxWriter.enqueue(sql, contractCreated(contract, 'system', this.clock.now()));
      }
      this.logger.log(`Seeded the demo project "${DEMO_PROJECT_NAME}" and its contracts`);
      return true;
    });
  }
}
