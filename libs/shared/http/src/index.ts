/**
 * `@mg/shared-http`: what every service's HTTP edge shares.
 *
 * ```ts
 * const app = await createHttpApp(TicketsModule, {
 *   serviceName: 'tickets',
 *   logLevel: config.LOG_LEVEL,
 *   openApi: { title: 'Tickets API' },
 *   globalPrefix: 'api/v1',
 * });
 * await app.listen({ port: config.PORT, host: config.HOST });
 * ```
 *
 * Readiness (`GET /ready`) runs two sources of `ReadinessCheck`s, each with a deadline
 * (`readinessTimeoutMs`, default 1 s):
 * - `options.readinessChecks`, for checks that exist before the app does;
 * - the `READINESS_CHECKS` provider, when the app declares one (anywhere in its modules), for
 *   checks built from its own providers:
 *   ```ts
 *   { provide: READINESS_CHECKS, inject: [PrismaService, NatsReadinessCheck],
 *     useFactory: (prisma, nats) => [new PostgresReadinessCheck(prisma), nats] }
 *   ```
 *
 * Errors: throw `DomainError` from use cases; `toProblem` maps anything thrown to RFC 9457
 * problem+json with the status from `HTTP_STATUS_BY_ERROR_CODE`.
 *
 * Request bodies: declare them with `class XDto extends createZodDto(schema)` (nestjs-zod); the
 * global pipe validates them and the OpenAPI document (`/api/docs`, JSON at
 * `/api/docs/openapi.json`) is generated from the same schema.
 */
export * from './create-http-app';
export * from './http-app-options';
export * from './health/health.module';
export * from './health/readiness-check';
export * from './logging/logger-params';
export * from './openapi/setup-open-api';
export * from './problem/http-status-by-error-code';
export * from './problem/problem-details';
export * from './problem/problem-details.filter';
export * from './problem/to-problem';
export * from './request-id/request-id';
