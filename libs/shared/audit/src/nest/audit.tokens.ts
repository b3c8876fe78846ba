/** The `SqlExecutor` refusals are written and entries read with (the service's Prisma client). */
export const AUDIT_EXECUTOR = Symbol('AUDIT_EXECUTOR');

/** The resolved `AuditModuleOptions`. */
export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

/** Metadata key under which `@Audited()` leaves its `AuditedRoute`. */
export const AUDITED_ROUTE = 'mg:audited-route';

/** Statuses recorded as refusals by default: forbidden, conflicting, unprocessable (SPEC §4, §5). */
export const DEFAULT_REFUSAL_STATUSES: readonly number[] = [403, 409, 422];

export interface ResolvedAuditOptions {
  refusalStatuses: readonly number[];
}
