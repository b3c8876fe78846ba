import { type FactoryProvider } from '@nestjs/common';
import { AUDIT_PROJECT_SCOPE, type AuditProjectScope } from '@mg/shared-audit';
import { TicketAccess } from '../ticket-access';

/**
 * `GET /audit`: an admin reads the whole trail; a project manager the entries of their projects
 * only, the same projects whose tickets they may list.
 */
export const auditProjectScopeProvider: FactoryProvider<AuditProjectScope> = {
  provide: AUDIT_PROJECT_SCOPE,
  inject: [TicketAccess],
  useFactory:
    (access: TicketAccess): AuditProjectScope =>
    (caller, authorization) =>
      access.projectScope({ role: caller.role, authorization }),
};
