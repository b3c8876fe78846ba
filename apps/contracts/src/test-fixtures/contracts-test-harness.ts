import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance } from 'fastify';
import { loadConfig } from '@mg/shared-config';
import { type Role } from '@mg/shared-kernel';
import {
  callAs,
  type CallAs,
  createTestDatabase,
  FakeIdentity,
  type SignedInUser,
  TEST_NATS_SERVERS,
  type TestDatabase,
} from '@mg/shared-testing';
import { createContractsApp } from '../contracts-app';
import { contractsConfigSchema } from '../contracts.config';
import { CONTRACTS_DATABASE_MIGRATIONS } from '../database/contracts-migrations';

/** A throw-away database migrated exactly as the service migrates its own at start-up. */
export const createContractsTestDatabase = (prefix: string): Promise<TestDatabase> =>
  createTestDatabase(prefix, CONTRACTS_DATABASE_MIGRATIONS);

export interface ContractsTestOptions {
  /** Extra configuration (APP_ENV, BUSINESS_TIME_ZONE, NATS_URL…). */
  env?: Record<string, string>;
  /** Where the test clock starts (default 2026-03-15T10:00:00Z). */
  now?: string;
}

/** The contracts service in-process, against a real database and NATS and a fake identity. */
export interface ContractsTestContext {
  app: NestFastifyApplication;
  http: FastifyInstance;
  identity: FakeIdentity;
  databaseUrl: string;
  /** Moves the service's clock. */
  setNow(iso: string): void;
  newUser(role: Role): Promise<SignedInUser>;
  call: CallAs<SignedInUser>;
  dispose(): Promise<void>;
}

export async function startContractsService(
  prefix: string,
  options: ContractsTestOptions = {},
): Promise<ContractsTestContext> {
  const database = await createContractsTestDatabase(prefix);
  const identity = await FakeIdentity.start();
  let now = new Date(options.now ?? '2026-03-15T10:00:00Z');
  const config = loadConfig(contractsConfigSchema, {
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    NATS_URL: TEST_NATS_SERVERS,
    JWKS_URL: identity.jwksUrl,
    IDENTITY_URL: identity.url,
    ...options.env,
  });
  const app = await createContractsApp(config, { clock: () => now });
  const http = app.getHttpAdapter().getInstance();
  await http.ready();
  return {
    app,
    http,
    identity,
    databaseUrl: database.url,
    setNow: (iso) => {
      now = new Date(iso);
    },
    newUser: (role) => identity.newUser(role),
    call: callAs(http, (user) => user.authorization),
    async dispose() {
      await app.close();
      await identity.stop();
      await database.drop();
    },
  };
}

/** A contract body every rule accepts, for `projectId`. */
export const aContractBody = (projectId: string, overrides: Record<string, unknown> = {}) => ({
  projectId,
  type: 'CORRECTIVE',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  slaHours: 24,
  coverage: 'Blocking and critical bugs',
  ...overrides,
});

/** Creates a project through the API as `creator` (an admin or a PM) with these members. */
export async function createProject(
  context: ContractsTestContext,
  creator: SignedInUser,
  members: readonly SignedInUser[] = [],
): Promise<{ id: string; memberIds: string[] }> {
  const response = await context.call(creator, 'POST', '/api/v1/projects', {
    name: `Project ${Math.random().toString(36).slice(2, 8)}`,
    memberIds: members.map((member) => member.id),
  });
  if (response.statusCode !== 201) throw new Error(`project not created: ${response.body}`);
  return response.json();
}
