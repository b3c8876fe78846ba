import {
  type DynamicModule,
  type InjectionToken,
  Module,
  type ModuleMetadata,
  type Provider,
} from '@nestjs/common';
import { type SqlExecutor } from '@mg/shared-database';
import { AuditLogReader } from './audit-log-reader.service';
import {
  AUDIT_EXECUTOR,
  AUDIT_OPTIONS,
  DEFAULT_REFUSAL_STATUSES,
  type ResolvedAuditOptions,
} from './audit.tokens';

/** Where the module finds the service's database: the client itself, or the token providing it. */
export type AuditExecutorSource =
  | { executor: SqlExecutor }
  | { executorToken: InjectionToken; imports?: ModuleMetadata['imports'] };

export type AuditModuleOptions = AuditExecutorSource & {
  /** HTTP statuses `@Audited()` routes record as refusals (default 403, 409, 422). */
  refusalStatuses?: readonly number[];
};

const executorProvider = (source: AuditExecutorSource): Provider =>
  'executor' in source
    ? { provide: AUDIT_EXECUTOR, useValue: source.executor }
    : { provide: AUDIT_EXECUTOR, useExisting: source.executorToken };

/**
 * Wires the audit trail into a service: `@Audited()` routes record their refusals, and
 * `AuditLogReader` serves the service's `GET /audit`. Global, because the refusal filters are
 * instantiated in each controller's own module. Successful changes are recorded by the use cases
 * themselves, with `AuditTrail.record(tx, entry)` inside their transaction.
 */
@Module({})
export class AuditModule {
  static forRoot(options: AuditModuleOptions): DynamicModule {
    const resolved: ResolvedAuditOptions = {
      refusalStatuses: options.refusalStatuses ?? DEFAULT_REFUSAL_STATUSES,
    };
    return {
      module: AuditModule,
      global: true,
      imports: 'executorToken' in options ? (options.imports ?? []) : [],
      providers: [
        executorProvider(options),
        { provide: AUDIT_OPTIONS, useValue: resolved },
        AuditLogReader,
      ],
      exports: [AUDIT_EXECUTOR, AUDIT_OPTIONS, AuditLogReader],
    };
  }
}
