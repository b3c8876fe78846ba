import { type FactoryProvider } from '@nestjs/common';
import { AUDIT_PROJECT_SCOPE, type AuditProjectScope } from '@mg/shared-audit';
import { membershipScopeOf } from '@mg/contracts-domain';
import { ProjectRepository } from '@mg/contracts-data-access';

/**
 * `GET /audit`: an admin reads the whole trail; a project manager the entries of the projects
 * they are a member of, which this service owns.
 */
export const auditProjectScopeProvider: FactoryProvider<AuditProjectScope> = {
  provide: AUDIT_PROJECT_SCOPE,
  inject: [ProjectRepository],
  useFactory:
    (projects: ProjectRepository): AuditProjectScope =>
    async (caller) => {
      const memberId = membershipScopeOf(caller);
      return memberId === undefined ? undefined : projects.findIdsByMember(memberId);
    },
};
