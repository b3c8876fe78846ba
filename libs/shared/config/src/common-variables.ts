import { z } from 'zod';

/**
 * Building blocks for each app's config schema. Defaults are the local development topology of
 * SPEC §3, so `npm start` needs no configuration at all.
 */
export const appEnv = z.enum(['development', 'test', 'production']).default('development');

export const port = (defaultPort: number) =>
  z.coerce.number().int().min(1).max(65535).default(defaultPort);

export const host = z.string().min(1).default('127.0.0.1');

export const logLevel = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

export const postgresUrl = (database: string) =>
  z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
    .default(`postgres://postgres@127.0.0.1:5432/${database}`);

export const natsUrl = z.string().min(1).default('nats://127.0.0.1:4222');

export const temporalAddress = z
  .string()
  .regex(/^[^:\s]+:\d+$/, 'must be host:port')
  .default('127.0.0.1:7233');

export const temporalNamespace = z.string().min(1).default('default');

/**
 * Prefixes every Temporal task queue and workflow id, so tests or a second system on the same
 * Temporal server never share workers or tickets' workflows.
 */
export const temporalPrefix = z
  .string()
  .regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore')
  .default('');

export const httpUrl = (defaultUrl: string) =>
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(defaultUrl);

/** The token settings every service shares: where the keys are and what a token must say. */
export const tokenVerification = {
  JWKS_URL: httpUrl('http://127.0.0.1:3001/.well-known/jwks.json'),
  JWT_ISSUER: z.string().min(1).default('maintenance-governance/identity'),
  JWT_AUDIENCE: z.string().min(1).default('maintenance-governance'),
};

/**
 * The variables every domain service (contracts, tickets, interventions) reads: its HTTP
 * address, its own database, NATS, Temporal and the identity service's keys. Spread into the
 * service's schema next to what is its own.
 */
export const domainServiceVariables = ({
  port: defaultPort,
  database,
}: {
  port: number;
  database: string;
}) => ({
  PORT: port(defaultPort),
  HOST: host,
  APP_ENV: appEnv,
  LOG_LEVEL: logLevel,
  DATABASE_URL: postgresUrl(database),
  NATS_URL: natsUrl,
  TEMPORAL_ADDRESS: temporalAddress,
  TEMPORAL_NAMESPACE: temporalNamespace,
  TEMPORAL_PREFIX: temporalPrefix,
  ...tokenVerification,
});

/** Only for development and tests: a deployment sets its own (and `production` must). */
export const DEVELOPMENT_SERVICE_SECRET = 'development-only-service-secret-do-not-deploy';

/**
 * The secret a service shows identity to get a token of its own (`POST /auth/service-token`),
 * for what it does on nobody's behalf: finding whom an SLA escalation or a contract alert
 * notifies. Identity and every service share it.
 */
export const serviceSecret = z
  .string()
  .min(32, 'must be at least 32 characters')
  .default(DEVELOPMENT_SERVICE_SECRET);

/** For a config's `superRefine`: production never runs with the development secret. */
export function refuseDevelopmentSecretInProduction(
  config: { APP_ENV: string; SERVICE_SECRET: string },
  context: z.RefinementCtx,
): void {
  if (config.APP_ENV === 'production' && config.SERVICE_SECRET === DEVELOPMENT_SERVICE_SECRET) {
    context.addIssue({
      code: 'custom',
      path: ['SERVICE_SECRET'],
      message: 'must be set in production (the development default is public)',
    });
  }
}
