/**
 * `@mg/shared-temporal`: Temporal for the NestJS processes.
 *
 * - `TemporalModule.forRoot({ address, namespace })`: a global module providing
 *   `TEMPORAL_CONNECTION`, `TEMPORAL_CLIENT` and `TemporalReadinessCheck`.
 * - `TemporalWorker`: a worker with its own connection (the workflow worker's).
 * - `provideActivityWorker(…)`: a service's activity-only worker on its own task queue, whose
 *   activities' `DomainError`s become non-retryable failures typed by their code.
 * - `installTemporalRuntime({ service, level })`: the SDK's logs as the service's JSON lines
 *   (`PinoTemporalLogger`), leaving SIGTERM/SIGINT to Nest; each process with a worker calls it
 *   first thing in its `main.ts`.
 */
export * from './activity-refusals';
export * from './activity-worker';
export * from './pino-temporal-logger';
export * from './temporal-readiness-check';
export * from './temporal-runtime';
export * from './temporal-worker';
export * from './temporal.module';
