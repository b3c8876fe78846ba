import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Clock } from '@mg/shared-kernel';
import { PostgresReadinessCheck } from '@mg/shared-database';
import { createHttpApp } from '@mg/shared-http';
import { createIdentityPrismaClient } from '@mg/identity-data-access';
import { type IdentityConfig } from './identity.config';
import { IdentityModule } from './identity.module';
import { loadSigningKey } from './signing/signing-key';
import { SeedDemoUsersUseCase } from './use-cases/seed-demo-users/seed-demo-users.use-case';

export interface IdentityAppOverrides {
  clock?: Clock;
}

/**
 * Builds the identity service (not listening yet) against an already migrated database: loads or
 * creates the signing key, wires the HTTP app and, in development only, seeds the demo users.
 */
export async function createIdentityApp(
  config: IdentityConfig,
  overrides: IdentityAppOverrides = {},
): Promise<NestFastifyApplication> {
  const signingKey = await loadSigningKey({
    privateJwk: config.JWT_PRIVATE_JWK,
    keyFile: config.SIGNING_KEY_FILE,
  });
  const prisma = createIdentityPrismaClient(config.DATABASE_URL);
  const app = await createHttpApp(
    IdentityModule.forRoot({ config, signingKey, prisma, clock: overrides.clock }),
    {
      serviceName: 'identity',
      logLevel: config.LOG_LEVEL,
      openApi: {
        title: 'Identity API',
        description: 'Users, roles and the access tokens every service verifies.',
      },
      globalPrefix: 'api/v1',
      globalPrefixExclusions: ['.well-known/jwks.json'],
      readinessChecks: [new PostgresReadinessCheck(prisma)],
    },
  );
  await app.init();
  if (config.APP_ENV === 'development') await app.get(SeedDemoUsersUseCase).execute();
  return app;
}
