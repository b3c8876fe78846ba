/**
 * `@mg/shared-temporal`: the Temporal client for NestJS services.
 *
 * `TemporalModule.forRoot({ address, namespace })` is a global module providing
 * `TEMPORAL_CONNECTION` (`Connection`), `TEMPORAL_CLIENT` (`Client`) and `TemporalReadinessCheck`;
 * it closes the connection on shutdown. Workers and workflow code do not use it.
 */
export * from './temporal-readiness-check';
export * from './temporal.module';
