import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { type Project, type UpdateProjectInput } from '@mg/contracts-domain';
import { ContractsTransactions, ProjectRepository } from '@mg/contracts-data-access';
import { UserDirectory } from '../../identity/user-directory';
import { auditedBy, type Caller } from '../caller';
import { visibleProject } from '../visible-objects';

@Injectable()
export class UpdateProjectUseCase {
  constructor(
    private readonly transactions: ContractsTransactions,
    private readonly projects: ProjectRepository,
    private readonly users: UserDirectory,
  ) {}

  /**
   * `memberIds` replaces the member list; only the ids it adds are checked with identity, so a
   * member deactivated since does not block renaming the project.
   * @throws DomainError NOT_FOUND, VALIDATION_FAILED (unknown member), SERVICE_UNAVAILABLE
   */
  async execute(caller: Caller, id: string, changes: UpdateProjectInput): Promise<Project> {
    if (changes.memberIds !== undefined) {
      const current = await visibleProject(this.projects, caller, id);
      const memberIds = changes.memberIds;
      const added = memberIds.flatMap((memberId, index) =>
        current.memberIds.includes(memberId) ? [] : [{ memberId, index }],
      );
      await this.users.assertActiveUsers(
        added.map((entry) => entry.memberId),
        caller.authorization,
        (i) => `memberIds.${added[i]?.index ?? i}`,
      );
    }
    return this.transactions.run(async ({ projects, sql }) => {
      const before = await visibleProject(projects, caller, id, { forUpdate: true });
      if (changesNothing(before, changes)) return before;
      const after = await projects.update(id, changes);
      await AuditTrail.record(sql, {
        ...auditedBy(caller),
        action: 'project.update',
        entityType: 'Project',
        entityId: id,
        projectId: id,
        before,
        after,
      });
      return after;
    });
  }
}

/** A patch repeating what is stored writes nothing (no audit row). */
function changesNothing(project: Project, changes: UpdateProjectInput): boolean {
  const sameMembers =
    changes.memberIds === undefined ||
    (changes.memberIds.length === project.memberIds.length &&
      changes.memberIds.every((memberId) => project.memberIds.includes(memberId)));
  return (
    (changes.name === undefined || changes.name === project.name) &&
    (changes.client === undefined || changes.client === project.client) &&
    sameMembers
  );
}
