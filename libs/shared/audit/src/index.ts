/**
 * `@mg/shared-audit`: the append-only, hash-chained audit trail every service keeps in its own
 * database (`audit_log`).
 *
 * - Migrations: `migrateDatabase({ migrationsDirs: [own, AUDIT_MIGRATIONS_DIR, …] })`; a service's
 *   drift test passes `ignoreTables: [...AUDIT_TABLES]`.
 * - Successes: `AuditTrail.record(tx, entry)` inside the business transaction.
 * - Refusals: `@Audited({ action, entityType, entityIdParam? })` on the route, with
 *   `AuditModule.forRoot({ executor })` (or `{ executorToken, imports }`) in the app.
 * - Reading: `AuditController` (or `auditControllerDescribedAs(…)`) is the service's
 *   `GET /audit`, narrowed by the `AUDIT_PROJECT_SCOPE` the service provides; it lists through
 *   `AuditLogReader.list(query, scope)`, the query parsed by `auditQuerySchema`.
 * - Checking: `verifyAuditChain(executor)`, or `npm run audit:verify` for every service database.
 */
export * from './audit-entry';
export * from './audit-log.location';
export * from './audit-log.reader';
export * from './audit-trail';
export * from './verify-audit-chain';
export * from './nest/audit-context.decorator';
export * from './nest/audit-log-reader.service';
export * from './nest/audit-refusals.filter';
export * from './nest/audit.module';
export * from './nest/audit.tokens';
export * from './nest/audited.decorator';
export * from './nest/audit.dtos';
export * from './nest/audit-project-scope';
export * from './nest/audit.controller';
