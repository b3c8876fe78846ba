import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { type CreateProjectInput, initialMemberIds, type Project } from '@mg/contracts-domain';
import { ContractsTransactions } from '@mg/contracts-data-access';
import { UserDirectory } from '../../identity/user-directory';
import { auditedBy, type Caller } from '../caller';

@Injectable()
export class CreateProjectUseCase {
  constructor(
    private readonly transactions: ContractsTransactions,
    private readonly users: UserDirectory,
  ) {}

  /**
   * A project manager becomes a member of the project they create (or they could not see it).
   * @throws DomainError VALIDATION_FAILED when a member id is not an active user
   * @throws DomainError SERVICE_UNAVAILABLE when identity cannot tell
   */
  async execute(caller: Caller, input: CreateProjectInput): Promise<Project> {
    const named = input.memberIds ?? [];
    await this.users.assertActiveUsers(named, caller.authorization, (i) => `memberIds.${i}`);
    return this.transactions.run(async ({ projects, sql }) => {
      const project = await projects.create({
        name: input.name,
        client: input.client ?? null,
        memberIds: initialMemberIds(caller, named),
      });
      await AuditTrail.record(sql, {
        ...auditedBy(caller),
        action: 'project.create',
        entityType: 'Project',
        entityId: project.id,
        projectId: project.id,
        after: project,
      });
      return project;
    });
  }
}
