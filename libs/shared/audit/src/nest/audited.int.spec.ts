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
  testUser,
} from '@mg/shared-testing';
import { AUDIT_MIGRATIONS_DIR } from '../audit-log.location';
import { AuditedThingsModule } from '../test-fixtures/audited-things.module';
import { verifyAuditChain } from '../verify-audit-chain';
import { AuditModule } from './audit.module';

jest.setTimeout(30_000);

let database: TestDatabase;
let prisma: SqlClient;
let auth: TestAuth;
let app: NestFastifyApplication;
let http: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase('audit_refusals', AUDIT_MIGRATIONS_DIR);
  prisma = createSqlClient(database.url, { poolSize: 2 });
  auth = await createTestAuth();

  @Module({
    imports: [auth.module, AuditModule.forRoot({ executor: prisma }), AuditedThingsModule],
  })
  class TestAppModule {}

  ({ app, http } = await startTestHttpApp(TestAppModule, 'audit-test'));
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await database?.drop();
});

const manager = testUser('PROJECT_MANAGER');
const developer = testUser('DEVELOPER');

const post = async (url: string, user: typeof manager, payload: object = {}) =>
  http.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      authorization: await auth.bearer(user),
      'x-request-id': randomUUID(),
    },
  });

const rowsFor = (requestId: unknown) =>
  prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    'select actor_id::text, actor_role, action, entity_type, entity_id, outcome, status_code, reason, request_id from audit_log where request_id = $1',
    String(requestId),
  );

describe('@Audited routes', () => {
  it('record a domain refusal (409) outside the failed work, answering the usual problem+json', async () => {
    const response = await post('/api/v1/things', manager, { name: 'taken' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'CONTRACT_OVERLAP', status: 409 });
    expect(await rowsFor(response.headers['x-request-id'])).toEqual([
      {
        actor_id: manager.id,
        actor_role: 'PROJECT_MANAGER',
        action: 'thing.create',
        entity_type: 'Thing',
        entity_id: null,
        outcome: 'REFUSED',
        status_code: 409,
        reason: 'CONTRACT_OVERLAP',
        request_id: response.headers['x-request-id'],
      },
    ]);
  });

  it('record a 403 with the entity id taken from the route parameter', async () => {
    const response = await post('/api/v1/things/t-42/approve', manager);
    expect(response.statusCode).toBe(403);
    expect(await rowsFor(response.headers['x-request-id'])).toMatchObject([
      { action: 'thing.approve', entity_id: 't-42', status_code: 403, reason: 'SELF_VALIDATION' },
    ]);
  });

  it('record a role the access guard refused, with the caller read from the token', async () => {
    const response = await post('/api/v1/things', developer, { name: 'mine' });
    expect(response.statusCode).toBe(403);
    expect(await rowsFor(response.headers['x-request-id'])).toMatchObject([
      { actor_id: developer.id, actor_role: 'DEVELOPER', status_code: 403, reason: 'FORBIDDEN' },
    ]);
  });

  it('leave out what is not a refusal: a success (recorded by the use case), a 400, a 500', async () => {
    const created = await post('/api/v1/things', manager, { name: 'fresh' });
    expect(created.statusCode).toBe(201);
    expect(await rowsFor(created.headers['x-request-id'])).toMatchObject([
      { outcome: 'SUCCEEDED', entity_id: 'fresh' },
    ]);
    const invalid = await post('/api/v1/things', manager, {});
    expect(invalid.statusCode).toBe(400);
    const crashed = await post('/api/v1/things', manager, { name: 'crash' });
    expect(crashed.statusCode).toBe(500);
    expect(await rowsFor(invalid.headers['x-request-id'])).toEqual([]);
    expect(await rowsFor(crashed.headers['x-request-id'])).toEqual([]);
  });

  it('do not touch routes without @Audited', async () => {
    const response = await post('/api/v1/things/t-1/archive', manager);
    expect(response.statusCode).toBe(409);
    expect(await rowsFor(response.headers['x-request-id'])).toEqual([]);
  });

  it('leave a valid chain behind', async () => {
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });
});
