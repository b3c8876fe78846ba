import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditTrail } from '@mg/shared-audit';
import { DomainError } from '@mg/shared-kernel';
import { type Project } from '@mg/contracts-domain';
import { ContractsTransactions, ProjectRepository } from '@mg/contracts-data-access';
import { UserDirectory } from '../../identity/user-directory';
import { auditedBy, type Caller } from '../caller';
import { visibleProject } from '../visible-objects';

/** `PUT /projects/:id/members/:userId`: idempotent, adding a member twice changes nothing. */
@Injectable()
export class AddProjectMemberUseCase {
  constructor(
    private readonly transactions: ContractsTransactions,
    private readonly projects: ProjectRepository,
    private readonly users: UserDirectory,
  ) {}

  /** @throws DomainError NOT_FOUND, VALIDATION_FAILED (not an active user), SERVICE_UNAVAILABLE */
  async execute(caller: Caller, projectId: string, userId: string): Promise<Project> {
    const project = await visibleProject(this.projects, caller, projectId);
    if (!z.uuid().safeParse(userId).success) {
      throw new DomainError('VALIDATION_FAILED', 'The user id is invalid.', [
        { path: 'userId', message: 'must be a UUID' },
      ]);
    }
    if (project.memberIds.includes(userId)) return project;
    await this.users.assertActiveUsers([userId], caller.authorization, () => 'userId');
    return this.transactions.run(async ({ projects, sql }) => {
      const before = await visibleProject(projects, caller, projectId, { forUpdate: true });
      if (!(await projects.addMember(projectId, userId))) return before;
      const after = (await projects.findById(projectId)) ?? before;
      await AuditTrail.record(sql, {
        ...auditedBy(caller),
        action: 'project.add-member',
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
