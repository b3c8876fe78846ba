import { applyDecorators, Catch, SetMetadata, UseFilters } from '@nestjs/common';
import { AuditRefusalsFilter, type AuditedRoute } from './audit-refusals.filter';
import { AUDITED_ROUTE } from './audit.tokens';

/**
 * Marks a route whose refusals (403, 409, 422 by default) are written to the audit trail with
 * the caller, status, error code and request id:
 * `@Audited({ action: 'contract.update', entityType: 'Contract', entityIdParam: 'id' })`.
 * Needs `AuditModule.forRoot()` in the app. Successes are recorded by the use case, inside its
 * transaction, with `AuditTrail.record`.
 */
export function Audited(route: AuditedRoute): MethodDecorator {
  // A filter class per route: an exception filter is not told which handler failed, so each
  // route's class carries its own description. Nest builds it with the base class's dependencies.
  @Catch()
  class AuditedRouteRefusals extends AuditRefusalsFilter {
    protected readonly route = route;
  }
  Object.defineProperty(AuditedRouteRefusals, 'name', {
    value: `AuditRefusals(${route.action})`,
  });
  return applyDecorators(SetMetadata(AUDITED_ROUTE, route), UseFilters(AuditedRouteRefusals));
}
