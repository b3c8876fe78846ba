import {
  type DynamicModule,
  type InjectionToken,
  Module,
  type ModuleMetadata,
  type Provider,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { type SqlExecutor } from '@mg/shared-database';
import { IdempotencyKeyPurger } from './idempotency-key-purger';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import {
  DEFAULT_IDEMPOTENCY_OPTIONS,
  IDEMPOTENCY_EXECUTOR,
  IDEMPOTENCY_OPTIONS,
  type ResolvedIdempotencyOptions,
} from './idempotency.tokens';

/** Where the module finds the service's database: the client itself, or the token providing it. */
export type IdempotencyExecutorSource =
  | { executor: SqlExecutor }
  | { executorToken: InjectionToken; imports?: ModuleMetadata['imports'] };

export type IdempotencyModuleOptions = IdempotencyExecutorSource &
  Partial<ResolvedIdempotencyOptions>;

const executorProvider = (source: IdempotencyExecutorSource): Provider =>
  'executor' in source
    ? { provide: IDEMPOTENCY_EXECUTOR, useValue: source.executor }
    : { provide: IDEMPOTENCY_EXECUTOR, useExisting: source.executorToken };

/**
 * Turns on `Idempotency-Key` handling for every authenticated POST of the app (an app-wide
 * interceptor), and purges expired keys every `purgeIntervalMs` (default 1 h).
 */
@Module({})
export class IdempotencyModule {
  static forRoot(options: IdempotencyModuleOptions): DynamicModule {
    const resolved: ResolvedIdempotencyOptions = {
      ttlMs: options.ttlMs ?? DEFAULT_IDEMPOTENCY_OPTIONS.ttlMs,
      waitForCompletionMs:
        options.waitForCompletionMs ?? DEFAULT_IDEMPOTENCY_OPTIONS.waitForCompletionMs,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_IDEMPOTENCY_OPTIONS.pollIntervalMs,
      purgeIntervalMs: options.purgeIntervalMs ?? DEFAULT_IDEMPOTENCY_OPTIONS.purgeIntervalMs,
    };
    return {
      module: IdempotencyModule,
      imports: 'executorToken' in options ? (options.imports ?? []) : [],
      providers: [
        executorProvider(options),
        { provide: IDEMPOTENCY_OPTIONS, useValue: resolved },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        IdempotencyKeyPurger,
      ],
      exports: [IdempotencyKeyPurger],
    };
  }
}
