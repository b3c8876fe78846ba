import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { type Project } from '@mg/contracts-domain';
import { ContractsTransactions } from '@mg/contracts-data-access';
import { auditedBy, type Caller } from '../caller';
import { visibleProject } from '../visible-objects';

/** `DELETE /projects/:id/members/:userId`: idempotent, removing a non-member changes nothing. */
@Injectable()
export class RemoveProjectMemberUseCase {
  constructor(private readonly transactions: ContractsTransactions) {}

  /** @throws DomainError NOT_FOUND for a project the caller cannot see */
  execute(caller: Caller, projectId: string, userId: string): Promise<Project> {
    return this.transactions.run(async ({ projects, sql }) => {
      const before = await visibleProject(projects, caller, projectId, { forUpdate: true });
      if (!before.memberIds.includes(userId) || !(await projects.removeMember(projectId, userId))) {
        return before;
      }
      const after = (await projects.findById(projectId)) ?? before;
      await AuditTrail.record(sql, {
        ...auditedBy(caller),
        action: 'project.remove-member',
        entityType: 'Project',
        entityId: projectId,
        projectId,
        before,
        after,
      });
      return after;
    });
  }
}
