import { randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { createSqlClient, type SqlClient } from '@mg/shared-database';
import { createHttpApp } from '@mg/shared-http';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { IDEMPOTENCY_MIGRATIONS_DIR } from '../idempotency.location';
import { createTestAuth, testUser, type TestAuth, type TestUser } from '@mg/shared-testing';
import { WIDGETS_EXECUTOR, WIDGETS_SQL, WidgetsModule } from '../test-fixtures/widgets.module';
import { IdempotencyKeyPurger } from './idempotency-key-purger';
import { IdempotencyModule } from './idempotency.module';

jest.setTimeout(30_000);

let database: TestDatabase;
let prisma: SqlClient;
let auth: TestAuth;
let app: NestFastifyApplication;
let http: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase('idempotency', IDEMPOTENCY_MIGRATIONS_DIR);
  prisma = createSqlClient(database.url, { poolSize: 12 });
  for (const statement of WIDGETS_SQL.split(';').filter((sql) => sql.trim())) {
    await prisma.$executeRawUnsafe(statement);
  }
  auth = await createTestAuth();

  @Global()
  @Module({
    providers: [{ provide: WIDGETS_EXECUTOR, useValue: prisma }],
    exports: [WIDGETS_EXECUTOR],
  })
  class DatabaseModule {}

  @Module({
    imports: [
      DatabaseModule,
      auth.module,
      IdempotencyModule.forRoot({
        executorToken: WIDGETS_EXECUTOR,
        waitForCompletionMs: 1_000,
        pollIntervalMs: 20,
      }),
      WidgetsModule,
    ],
  })
  class TestAppModule {}

  app = await createHttpApp(TestAppModule, {
    serviceName: 'idempotency-test',
    logLevel: 'silent',
    openApi: { title: 'Idempotency test' },
    globalPrefix: 'api/v1',
  });
  await app.init();
  http = app.getHttpAdapter().getInstance();
  await http.ready();
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await database?.drop();
});

const alice = testUser('SUPPORT');
const bob = testUser('CLIENT');

const post = async (
  user: TestUser | null,
  payload: object,
  key?: string,
  url = '/api/v1/widgets',
): Promise<LightMyRequestResponse> =>
  http.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      ...(user ? { authorization: await auth.bearer(user) } : {}),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
  });

const count = async (table: 'widgets' | 'widget_executions', name: string) => {
  const [row] = await prisma.$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM ${table} WHERE name = $1`,
    name,
  );
  return row?.count;
};

const uniqueWidget = () => `widget-${randomUUID()}`;

const keysStored = async (key: string) => {
  const rows = await prisma.$queryRawUnsafe<{ user_id: string; state: string }[]>(
    'SELECT user_id, state FROM idempotency_keys WHERE key = $1 ORDER BY user_id',
    key,
  );
  return rows;
};

describe('Idempotency-Key on POST', () => {
  it('replays the first response (same status, same bytes) without executing again', async () => {
    const name = uniqueWidget();
    const key = randomUUID();
    const first = await post(alice, { name }, key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await post(alice, { name }, key);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect(await count('widgets', name)).toBe(1);
    expect(await count('widget_executions', name)).toBe(1);
  });

  it('treats a body with its keys in another order as the same request', async () => {
    const name = uniqueWidget();
    const key = randomUUID();
    const first = await post(alice, { name, delayMs: 0 }, key);
    const second = await post(alice, { delayMs: 0, name }, key);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    await post(alice, { name: uniqueWidget() }, key);
    const other = uniqueWidget();
    const reused = await post(alice, { name: other }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await count('widget_executions', other)).toBe(0);
  });

  it('executes 10 concurrent identical requests once, and answers each of them the same', async () => {
    const name = uniqueWidget();
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(alice, { name, delayMs: 200 }, key)),
    );
    expect(await count('widget_executions', name)).toBe(1);
    expect(await count('widgets', name)).toBe(1);
    expect(new Set(responses.map((response) => response.statusCode))).toEqual(new Set([201]));
    expect(new Set(responses.map((response) => response.body)).size).toBe(1);
    expect(responses.filter((response) => response.headers['idempotent-replayed'])).toHaveLength(9);
  });

  it('answers 409 CONFLICT to a duplicate while the first is still running past the wait bound', async () => {
    const name = uniqueWidget();
    const key = randomUUID();
    const slow = post(alice, { name, delayMs: 1_500 }, key);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const duplicate = await post(alice, { name, delayMs: 1_500 }, key);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'CONFLICT' });
    expect((await slow).statusCode).toBe(201);
    expect(await count('widget_executions', name)).toBe(1);
  });

  it('scopes keys per user: two users with the same key each execute', async () => {
    const name = uniqueWidget();
    const key = randomUUID();
    const byAlice = await post(alice, { name }, key);
    const byBob = await post(bob, { name }, key);
    expect(byBob.headers['idempotent-replayed']).toBeUndefined();
    expect(byBob.json()).not.toEqual(byAlice.json());
    expect(await count('widgets', name)).toBe(2);
    expect(await keysStored(key)).toEqual(
      [alice.id, bob.id].sort().map((userId) => ({ user_id: userId, state: 'COMPLETED' })),
    );
  });

  it('releases the key after a server failure, so the retry executes', async () => {
    const name = uniqueWidget();
    const key = randomUUID();
    await prisma.$executeRawUnsafe(
      'INSERT INTO widget_transient_failures (name) VALUES ($1)',
      name,
    );
    const failed = await post(alice, { name }, key);
    expect(failed.statusCode).toBe(500);
    expect(await keysStored(key)).toEqual([]);
    const retried = await post(alice, { name }, key);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('widgets', name)).toBe(1);
    expect(await count('widget_executions', name)).toBe(2);
  });

  it('keeps a domain refusal and replays it rather than executing again', async () => {
    const name = uniqueWidget();
    const key = randomUUID();
    const refused = await post(alice, { name, refuse: true }, key);
    expect(refused.statusCode).toBe(409);
    const again = await post(alice, { name, refuse: true }, key);
    expect(again.statusCode).toBe(409);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const { requestId: _first, ...firstProblem } = refused.json<Record<string, unknown>>();
    const { requestId: _second, ...replayedProblem } = again.json<Record<string, unknown>>();
    expect(replayedProblem).toEqual(firstProblem);
    expect(await count('widget_executions', name)).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a space', 'two words'],
  ])('refuses a key that is %s with 400 VALIDATION_FAILED', async (_case, key) => {
    const name = uniqueWidget();
    const response = await post(alice, { name }, key);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'Idempotency-Key' }],
    });
    expect(await count('widget_executions', name)).toBe(0);
  });

  it('executes every time without the header, and ignores it on public routes', async () => {
    const name = uniqueWidget();
    await post(alice, { name });
    await post(alice, { name });
    expect(await count('widgets', name)).toBe(2);
    const key = randomUUID();
    await post(null, { name }, key, '/api/v1/widgets/public');
    await post(null, { name }, key, '/api/v1/widgets/public');
    expect(await count('widget_executions', name)).toBe(4);
  });

  it('keeps keys 24 h, then lets the key be used afresh and purges it', async () => {
    const name = uniqueWidget();
    const key = randomUUID();
    await post(alice, { name }, key);
    const [kept] = await prisma.$queryRawUnsafe<{ hours: number }[]>(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours
       FROM idempotency_keys WHERE key = $1`,
      key,
    );
    expect(kept?.hours).toBe(24);
    await prisma.$executeRawUnsafe(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`,
      key,
    );
    const afresh = await post(alice, { name: `${name}-other` }, key);
    expect(afresh.statusCode).toBe(201);
    expect(afresh.headers['idempotent-replayed']).toBeUndefined();

    await prisma.$executeRawUnsafe(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`,
      key,
    );
    expect(await app.get(IdempotencyKeyPurger).purge()).toBeGreaterThanOrEqual(1);
    const [left] = await prisma.$queryRawUnsafe<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM idempotency_keys WHERE key = $1',
      key,
    );
    expect(left?.count).toBe(0);
  });
});
