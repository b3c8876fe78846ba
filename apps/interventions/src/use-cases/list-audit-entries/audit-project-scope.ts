import { type FactoryProvider } from '@nestjs/common';
import { AUDIT_PROJECT_SCOPE, type AuditProjectScope } from '@mg/shared-audit';
import { ContractsClient } from '@mg/shared-service-clients';

/**
 * `GET /audit`: an admin reads the whole trail; a project manager the entries of their projects
 * only, as the contracts service (which owns membership) lists them for the caller.
 */
export const auditProjectScopeProvider: FactoryProvider<AuditProjectScope> = {
  provide: AUDIT_PROJECT_SCOPE,
  inject: [ContractsClient],
  useFactory:
    (contracts: ContractsClient): AuditProjectScope =>
    async (caller, authorization) => {
      if (caller.role === 'ADMIN') return undefined;
      const projects = await contracts.listProjects(authorization);
      return projects.map((project) => project.id);
    },
};
