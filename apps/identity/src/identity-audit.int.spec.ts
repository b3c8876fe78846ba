import { randomUUID } from 'node:crypto';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { verifyAuditChain } from '@mg/shared-audit';
import { createSqlClient, type SqlClient } from '@mg/shared-database';
import { type Role } from '@mg/shared-kernel';
import {
  bearerFor,
  createIdentityTestContext,
  type IdentityTestContext,
} from './test-fixtures/identity-test-harness';

// SPEC §7 for identity: user changes and refused attempts are audited, POSTs are idempotent.
jest.setTimeout(30_000);

let context: IdentityTestContext;
let app: NestFastifyApplication;
let sql: SqlClient;
const bearer: Partial<Record<Role, string>> = {};
const ids: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  context = await createIdentityTestContext();
  app = await context.start();
  sql = createSqlClient(context.databaseUrl);
  for (const role of ['ADMIN', 'PROJECT_MANAGER', 'DEVELOPER'] as const) {
    const user = await context.createUser(role);
    ids[role] = user.id;
    bearer[role] = await bearerFor(app, user);
  }
});

afterAll(async () => {
  await sql?.$disconnect();
  await context?.dispose();
});

const as = (role: Role, headers: Record<string, string> = {}) => ({
  authorization: bearer[role] ?? '',
  ...headers,
});

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `audited-${randomUUID()}@example.com`,
  name: 'Audited User',
  role: 'DEVELOPER',
  password: 'a-secret-password-123',
  ...overrides,
});

interface AuditRow {
  actor_id: string | null;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  outcome: string;
  status_code: number | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

const auditRows = (where: string, ...parameters: unknown[]) =>
  sql.$queryRawUnsafe<AuditRow[]>(
    `SELECT actor_id::text, actor_role, action, entity_type, entity_id, outcome, status_code,
            reason, before, after, request_id
       FROM audit_log WHERE ${where} ORDER BY seq`,
    ...parameters,
  );

const countUsersWithEmail = async (email: string) => {
  const [row] = await sql.$queryRawUnsafe<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM users WHERE email = $1',
    email,
  );
  return row?.n;
};

describe('identity audit trail', () => {
  it('writes exactly one user.create row with the user, and no password or hash', async () => {
    const payload = newUser();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as('ADMIN', { 'x-request-id': 'req-create-user' }),
      payload,
    });
    expect(response.statusCode).toBe(201);
    const { id } = response.json<{ id: string }>();

    const rows = await auditRows('entity_id = $1', id);
    expect(rows).toEqual([
      expect.objectContaining({
        actor_id: ids.ADMIN,
        actor_role: 'ADMIN',
        action: 'user.create',
        entity_type: 'User',
        entity_id: id,
        outcome: 'SUCCEEDED',
        before: null,
        after: expect.objectContaining({ id, email: payload.email, role: 'DEVELOPER' }),
        request_id: 'req-create-user',
      }),
    ]);
    const recorded = JSON.stringify(rows);
    expect(recorded).not.toContain(payload.password);
    expect(recorded).not.toMatch(/passwordHash|password_hash|\$argon2/);
  });

  it('records a user.update with before and after, a new password only as redacted', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as('ADMIN'),
      payload: newUser(),
    });
    const { id } = created.json<{ id: string }>();
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: as('ADMIN'),
      payload: { name: 'Renamed', password: 'another-secret-password' },
    });
    expect(response.statusCode).toBe(200);

    const rows = await auditRows("entity_id = $1 AND action = 'user.update'", id);
    expect(rows).toEqual([
      expect.objectContaining({
        outcome: 'SUCCEEDED',
        before: expect.objectContaining({ id, name: 'Audited User' }),
        after: expect.objectContaining({ id, name: 'Renamed', password: '[REDACTED]' }),
      }),
    ]);
    expect(rows[0]?.before).not.toHaveProperty('password');
    const recorded = JSON.stringify(rows);
    expect(recorded).not.toContain('another-secret-password');
    expect(recorded).not.toMatch(/passwordHash|password_hash|\$argon2/);
  });

  it('records a project manager’s refused POST /users (403) as REFUSED', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as('PROJECT_MANAGER', { 'x-request-id': 'req-refused-create' }),
      payload: newUser(),
    });
    expect(response.statusCode).toBe(403);
    expect(await auditRows('request_id = $1', 'req-refused-create')).toEqual([
      expect.objectContaining({
        actor_id: ids.PROJECT_MANAGER,
        actor_role: 'PROJECT_MANAGER',
        action: 'user.create',
        entity_type: 'User',
        entity_id: null,
        outcome: 'REFUSED',
        status_code: 403,
        reason: 'FORBIDDEN',
        before: null,
        after: null,
      }),
    ]);
  });

  it('records a refused PATCH /users/:id (403) under the user’s id', async () => {
    const id = ids.DEVELOPER ?? '';
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: as('DEVELOPER', { 'x-request-id': 'req-refused-update' }),
      payload: { name: 'Self promotion', role: 'ADMIN' },
    });
    expect(response.statusCode).toBe(403);
    expect(await auditRows('request_id = $1', 'req-refused-update')).toEqual([
      expect.objectContaining({
        action: 'user.update',
        entity_id: id,
        outcome: 'REFUSED',
        status_code: 403,
      }),
    ]);
  });

  it('records a duplicate email as a REFUSED user.create (409), and no success row', async () => {
    const payload = newUser();
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/users', headers: as('ADMIN'), payload }))
        .statusCode,
    ).toBe(201);
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as('ADMIN', { 'x-request-id': 'req-duplicate-email' }),
      payload,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(await auditRows('request_id = $1', 'req-duplicate-email')).toEqual([
      expect.objectContaining({ outcome: 'REFUSED', status_code: 409, reason: 'EMAIL_TAKEN' }),
    ]);
  });

  it('does not audit sign-ins', async () => {
    const before = await auditRows("action NOT LIKE 'user.%'");
    await bearerFor(app, await context.createUser('CLIENT'));
    expect(await auditRows("action NOT LIKE 'user.%'")).toEqual(before);
    expect(before).toEqual([]);
  });

  it('lists a user’s entries to an admin and a project manager, not to a developer', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as('ADMIN'),
      payload: newUser(),
    });
    const { id } = created.json<{ id: string }>();
    const url = `/api/v1/audit?entityType=User&entityId=${id}`;

    for (const role of ['ADMIN', 'PROJECT_MANAGER'] as const) {
      const response = await app.inject({ method: 'GET', url, headers: as(role) });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        items: [
          expect.objectContaining({
            action: 'user.create',
            entity: { type: 'User', id },
            actor: { id: ids.ADMIN, role: 'ADMIN' },
            outcome: 'SUCCEEDED',
          }),
        ],
        nextCursor: null,
      });
    }
    const developer = await app.inject({ method: 'GET', url, headers: as('DEVELOPER') });
    expect(developer.statusCode).toBe(403);
  });

  it('keeps an intact hash chain', async () => {
    expect(await verifyAuditChain(sql)).toMatchObject({ ok: true });
  });
});

describe('Idempotency-Key on POST /users', () => {
  const post = (key: string, payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as('ADMIN', { 'idempotency-key': key }),
      payload,
    });

  it('replays the same 201 body and creates the user once', async () => {
    const key = randomUUID();
    const payload = newUser();
    const first = await post(key, payload);
    const replay = await post(key, payload);

    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await countUsersWithEmail(payload.email)).toBe(1);
    expect(
      await auditRows("action = 'user.create' AND after->>'email' = $1", payload.email),
    ).toHaveLength(1);
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    const firstPayload = newUser();
    expect((await post(key, firstPayload)).statusCode).toBe(201);
    const otherPayload = newUser();
    const reused = await post(key, otherPayload);

    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await countUsersWithEmail(otherPayload.email)).toBe(0);
  });

  it('leaves sign-in alone: a key on the public token route is ignored', async () => {
    const user = await context.createUser('SUPPORT');
    const signIn = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        headers: { 'idempotency-key': 'same-key' },
        payload: { email: user.email, password: user.password },
      });
    const first = await signIn();
    const second = await signIn();
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
  });
});
