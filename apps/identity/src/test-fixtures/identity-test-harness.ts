import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { hash } from '@node-rs/argon2';
import { loadConfig } from '@mg/shared-config';
import { createTestDatabase } from '@mg/shared-testing';
import { type Role } from '@mg/shared-kernel';
import { createIdentityPrismaClient, UserRepository } from '@mg/identity-data-access';
import { IDENTITY_DATABASE_MIGRATIONS } from '../database/identity-migrations';
import { type IdentityConfig, identityConfigSchema } from '../identity.config';
import { createIdentityApp } from '../identity-app';

/** A throw-away database, key directory and config for one identity test file. */
export interface IdentityTestContext {
  databaseUrl: string;
  keyDirectory: string;
  config(env?: Record<string, string>): IdentityConfig;
  start(env?: Record<string, string>): Promise<NestFastifyApplication>;
  createUser(
    role: Role,
    password?: string,
  ): Promise<{ id: string; email: string; password: string }>;
  dispose(): Promise<void>;
}

export async function createIdentityTestContext(): Promise<IdentityTestContext> {
  const database = await createTestDatabase('identity', IDENTITY_DATABASE_MIGRATIONS);
  const keyDirectory = await mkdtemp(join(tmpdir(), 'mg-identity-'));
  const prisma = createIdentityPrismaClient(database.url);
  const users = new UserRepository(prisma);
  const apps: NestFastifyApplication[] = [];

  const config = (env: Record<string, string> = {}) =>
    loadConfig(identityConfigSchema, {
      APP_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      SIGNING_KEY_FILE: join(keyDirectory, 'signing-key.json'),
      ...env,
    });

  return {
    databaseUrl: database.url,
    keyDirectory,
    config,
    async start(env) {
      const app = await createIdentityApp(config(env));
      await app.getHttpAdapter().getInstance().ready();
      apps.push(app);
      return app;
    },
    async createUser(role, password = 'a-long-enough-password') {
      const email = `${role.toLowerCase()}-${randomUUID()}@example.com`;
      const user = await users.create({
        email,
        name: `Test ${role}`,
        role,
        // Cheap parameters: test users only need to verify, not to resist cracking.
        passwordHash: await hash(password, { memoryCost: 1024, timeCost: 1 }),
      });
      return { id: user.id, email, password };
    },
    async dispose() {
      // allSettled: a test may already have closed its app.
      await Promise.allSettled(apps.map((app) => app.close()));
      await prisma.$disconnect();
      await database.drop();
      await rm(keyDirectory, { recursive: true, force: true });
    },
  };
}

/** Signs in through the API and returns the bearer header value. */
export async function bearerFor(
  app: NestFastifyApplication,
  credentials: { email: string; password: string },
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { email: credentials.email, password: credentials.password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  return `Bearer ${response.json<{ accessToken: string }>().accessToken}`;
}
