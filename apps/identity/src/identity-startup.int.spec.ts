import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { verify } from '@node-rs/argon2';
import { Client } from 'pg';
import { DEMO_PASSWORD, DEMO_USERS } from '@mg/identity-domain';
import { demoUserId } from '@mg/shared-kernel';
import {
  bearerFor,
  createIdentityTestContext,
  type IdentityTestContext,
} from './test-fixtures/identity-test-harness';

// A throw-away database is created and migrated first.
jest.setTimeout(30_000);

let context: IdentityTestContext;

beforeAll(async () => {
  context = await createIdentityTestContext();
});

afterAll(async () => {
  await context?.dispose();
});

const signIn = (app: NestFastifyApplication, email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password } });

async function storedHash(email: string): Promise<string | undefined> {
  const client = new Client({ connectionString: context.databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE email = $1',
      [email],
    );
    return result.rows[0]?.password_hash;
  } finally {
    await client.end();
  }
}

describe('demo users (SPEC §10)', () => {
  it('are not seeded in production', async () => {
    const app = await context.start({ APP_ENV: 'production' });
    for (const { email } of DEMO_USERS) {
      expect((await signIn(app, email, DEMO_PASSWORD)).statusCode).toBe(401);
    }
    expect(await storedHash('admin@demo.local')).toBeUndefined();
  });

  it('are seeded in development, each able to sign in with the demo password', async () => {
    const app = await context.start({ APP_ENV: 'development' });
    for (const { email } of DEMO_USERS) {
      expect((await signIn(app, email, DEMO_PASSWORD)).statusCode).toBe(200);
    }
  });

  it('are audited once each, as created by the system, however often the service starts', async () => {
    await context.start({ APP_ENV: 'development' });
    const client = new Client({ connectionString: context.databaseUrl });
    await client.connect();
    try {
      const result = await client.query<{ entity_id: string; actor_role: string; after: string }>(
        `SELECT entity_id, actor_role, after::text AS after FROM audit_log
          WHERE action = 'user.create' AND actor_id IS NULL ORDER BY seq`,
      );
      expect(result.rows.map((row) => row.entity_id).sort()).toEqual(
        DEMO_USERS.map(({ email }) => demoUserId(email)).sort(),
      );
      expect(result.rows.every((row) => row.actor_role === 'SYSTEM')).toBe(true);
      expect(result.rows.map((row) => row.after).join()).not.toMatch(/password|argon2/i);
    } finally {
      await client.end();
    }
  });

  it('are seeded under the ids derived from their emails, which other services rely on', async () => {
    const app = await context.start({ APP_ENV: 'development' });
    for (const { email } of DEMO_USERS) {
      const authorization = await bearerFor(app, { email, password: DEMO_PASSWORD });
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expect(me.json()).toMatchObject({ id: demoUserId(email), email });
    }
  });

  it('keep a password changed after seeding when the service starts again', async () => {
    const first = await context.start({ APP_ENV: 'development' });
    const authorization = await bearerFor(first, {
      email: 'admin@demo.local',
      password: DEMO_PASSWORD,
    });
    const me = await first.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
    const changed = await first.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.json<{ id: string }>().id}`,
      headers: { authorization },
      payload: { password: 'a-changed-admin-password' },
    });
    expect(changed.statusCode).toBe(200);

    const restarted = await context.start({ APP_ENV: 'development' });
    expect((await signIn(restarted, 'admin@demo.local', DEMO_PASSWORD)).statusCode).toBe(401);
    expect(
      (await signIn(restarted, 'admin@demo.local', 'a-changed-admin-password')).statusCode,
    ).toBe(200);
  });
});

describe('password storage', () => {
  it('stores an argon2id hash, never the password, that verifies the password', async () => {
    const app = await context.start();
    const owner = await bearerFor(app, await context.createUser('ADMIN'));
    const password = 'stored-as-a-hash-only';
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: owner },
      payload: { email: 'hashed@example.com', name: 'Hashed', role: 'CLIENT', password },
    });
    expect(created.statusCode).toBe(201);

    const hash = await storedHash('hashed@example.com');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain(password);
    await expect(verify(hash ?? '', password)).resolves.toBe(true);
    await expect(verify(hash ?? '', 'another-password')).resolves.toBe(false);
  });
});

describe('health', () => {
  it('reports ready once its database answers', async () => {
    const app = await context.start();
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { database: 'up' } });
  });
});

describe('the signing key', () => {
  it('is kept across restarts: a token from one instance is accepted by the next', async () => {
    const user = await context.createUser('DEVELOPER');
    const first = await context.start();
    const authorization = await bearerFor(first, user);
    const jwks = (await first.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json();
    await first.close();

    const second = await context.start();
    const me = await second.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id });
    expect((await second.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json()).toEqual(
      jwks,
    );
  });
});
