import { type ValueProvider } from '@nestjs/common';
import { AUDIT_PROJECT_SCOPE, type AuditProjectScope } from '@mg/shared-audit';

/**
 * `GET /audit`: identity's trail, unscoped for everyone allowed `audit:read` (admins and project
 * managers). Users belong to no project, and a project manager may already read every user
 * (`users:read`), so there is nothing to narrow a project manager's view to: a project scope
 * would hide every user entry from them (none carries a project id).
 */
export const auditProjectScopeProvider: ValueProvider<AuditProjectScope> = {
  provide: AUDIT_PROJECT_SCOPE,
  useValue: async () => undefined,
};
