/**
 * `@mg/shared-messaging`: NATS JetStream for the events of SPEC §8.
 *
 * - `MessagingModule.forRoot({ servers, name })`: a global module providing `NATS_CONNECTION`,
 *   `JETSTREAM` and `NatsReadinessCheck`; it ensures the `MAINTENANCE` stream at start-up and
 *   drains the connection on shutdown.
 * - Outside Nest (the Temporal worker, scripts): `connectNats`, `ensureMaintenanceStream`.
 */
export * from './connect-nats';
export * from './maintenance-stream';
export * from './messaging.module';
export * from './nats-readiness-check';
