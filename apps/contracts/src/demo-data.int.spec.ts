import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@mg/shared-config';
import { demoUserId } from '@mg/shared-kernel';
import { FakeIdentity, TEST_NATS_SERVERS, type TestDatabase } from '@mg/shared-testing';
import { createContractsApp } from './contracts-app';
import { contractsConfigSchema } from './contracts.config';
import { createContractsTestDatabase } from './test-fixtures/contracts-test-harness';

// Throw-away databases are created and migrated first.
jest.setTimeout(30_000);

let identity: FakeIdentity;
const databases: TestDatabase[] = [];
const apps: NestFastifyApplication[] = [];

beforeAll(async () => {
  identity = await FakeIdentity.start();
});

afterAll(async () => {
  await Promise.allSettled(apps.map((app) => app.close()));
  await identity?.stop();
  await Promise.all(databases.map((database) => database.drop()));
});

const DEMO_EMAILS = [
  'admin@demo.local',
  'pm@demo.local',
  'jean.dupont@demo.local',
  'support@demo.local',
  'client@demo.local',
];

async function start(database: TestDatabase, appEnv: string, now = '2026-08-20T09:00:00Z') {
  const config = loadConfig(contractsConfigSchema, {
    APP_ENV: appEnv,
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    NATS_URL: TEST_NATS_SERVERS,
    JWKS_URL: identity.jwksUrl,
    IDENTITY_URL: identity.url,
  });
  const app = await createContractsApp(config, { clock: () => new Date(now) });
  apps.push(app);
  return app;
}

async function newDatabase() {
  const database = await createContractsTestDatabase('contracts_demo');
  databases.push(database);
  return database;
}

const asAdmin = async () => (await identity.newUser('ADMIN')).authorization;

async function projectsOf(app: NestFastifyApplication) {
  const response = await app
    .getHttpAdapter()
    .getInstance()
    .inject({
      url: '/api/v1/projects',
      headers: { authorization: await asAdmin() },
    });
  return response.json<{ items: { id: string; name: string; memberIds: string[] }[] }>().items;
}

async function contractsOf(app: NestFastifyApplication, projectId: string) {
  const response = await app
    .getHttpAdapter()
    .getInstance()
    .inject({
      url: `/api/v1/contracts?projectId=${projectId}`,
      headers: { authorization: await asAdmin() },
    });
  return response.json<{ items: Record<string, unknown>[] }>().items;
}

describe('demo data (SPEC §10)', () => {
  it('seeds the demo project, its five members and its two contracts in development', async () => {
    const app = await start(await newDatabase(), 'development');
    const projects = await projectsOf(app);
    expect(projects).toHaveLength(1);
    expect(projects[0]?.name).toBe('Application E-Commerce');
    expect([...(projects[0]?.memberIds ?? [])].sort()).toEqual(DEMO_EMAILS.map(demoUserId).sort());
    expect(await contractsOf(app, projects[0]?.id ?? '')).toMatchObject([
      {
        type: 'CORRECTIVE',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        slaHours: 24,
        active: true,
      },
      { type: 'EVOLUTIVE', startDate: '2026-01-01', endDate: '2026-06-30', active: false },
    ]);
  });

  it('seeds only once, however often the service starts', async () => {
    const database = await newDatabase();
    await start(database, 'development');
    const again = await start(database, 'development');
    expect(await projectsOf(again)).toHaveLength(1);
    expect(await contractsOf(again, (await projectsOf(again))[0]?.id ?? '')).toHaveLength(2);
  });

  it.each(['production', 'test'])('seeds nothing in %s', async (appEnv) => {
    const app = await start(await newDatabase(), appEnv);
    expect(await projectsOf(app)).toEqual([]);
  });
});
