import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance } from 'fastify';
import { createSqlClient, type SqlClient } from '@mg/shared-database';
import {
  createTestAuth,
  createTestDatabase,
  startTestHttpApp,
  type TestAuth,
  type TestDatabase,
  type TestUser,
  testUser,
} from '@mg/shared-testing';
import { AUDIT_MIGRATIONS_DIR } from '../audit-log.location';
import { AuditTrail } from '../audit-trail';
import { AUDIT_PROJECT_SCOPE, type AuditProjectScope } from './audit-project-scope';
import { AuditController } from './audit.controller';
import { AuditModule } from './audit.module';

jest.setTimeout(30_000);

const admin = testUser('ADMIN');
const manager = testUser('PROJECT_MANAGER');
const developer = testUser('DEVELOPER');
const managedProject = randomUUID();
const otherProject = randomUUID();

/** What the scope was asked, by whom and with which header. */
const scopeCalls: { callerId: string; authorization: string }[] = [];
/** A service's rule in miniature: admins see everything, the manager one project. */
const projectScope: AuditProjectScope = async (caller, authorization) => {
  scopeCalls.push({ callerId: caller.id, authorization });
  return caller.role === 'ADMIN' ? undefined : [managedProject];
};

let database: TestDatabase;
let prisma: SqlClient;
let auth: TestAuth;
let app: NestFastifyApplication;
let http: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase('audit_controller', AUDIT_MIGRATIONS_DIR);
  prisma = createSqlClient(database.url, { poolSize: 2 });
  auth = await createTestAuth();

  @Module({
    imports: [auth.module, AuditModule.forRoot({ executor: prisma })],
    controllers: [AuditController],
    providers: [{ provide: AUDIT_PROJECT_SCOPE, useValue: projectScope }],
  })
  class TestAppModule {}

  ({ app, http } = await startTestHttpApp(TestAppModule, 'audit-test'));

  for (const projectId of [managedProject, otherProject, null]) {
    await AuditTrail.record(prisma, {
      actor: 'system',
      action: 'thing.create',
      entityType: 'Thing',
      entityId: randomUUID(),
      projectId,
    });
  }
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await database?.drop();
});

const list = async (user: TestUser) => {
  const authorization = await auth.bearer(user);
  const response = await http.inject({ url: '/api/v1/audit', headers: { authorization } });
  return { authorization, response };
};

const projectsListed = (response: Awaited<ReturnType<typeof list>>['response']) =>
  response.json<{ items: { projectId: string | null }[] }>().items.map((item) => item.projectId);

describe('GET /audit', () => {
  it('lists the whole trail for a caller the service scopes to everything (an admin)', async () => {
    const { response } = await list(admin);
    expect(response.statusCode).toBe(200);
    expect(projectsListed(response)).toEqual([managedProject, otherProject, null]);
    expect(response.json()).toMatchObject({ nextCursor: null });
  });

  it('lists only the projects the service scopes a project manager to, asking with their own header', async () => {
    const { authorization, response } = await list(manager);
    expect(response.statusCode).toBe(200);
    expect(projectsListed(response)).toEqual([managedProject]);
    expect(scopeCalls).toContainEqual({ callerId: manager.id, authorization });
  });

  it('refuses a role without audit:read before asking for any scope (403)', async () => {
    const before = scopeCalls.length;
    const { response } = await list(developer);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(scopeCalls).toHaveLength(before);
  });
});
