import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Role } from '@mg/shared-kernel';
import {
  bearerFor,
  createIdentityTestContext,
  type IdentityTestContext,
} from './test-fixtures/identity-test-harness';

// A throw-away database is created and migrated first.
jest.setTimeout(30_000);

let context: IdentityTestContext;
let app: NestFastifyApplication;
const bearer: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  context = await createIdentityTestContext();
  app = await context.start();
  for (const role of ['ADMIN', 'PROJECT_MANAGER', 'DEVELOPER', 'CLIENT'] as const) {
    bearer[role] = await bearerFor(app, await context.createUser(role));
  }
});

afterAll(async () => {
  await context?.dispose();
});

const as = (role: Role) => ({ authorization: bearer[role] ?? '' });

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `Created-${Math.random().toString(36).slice(2)}@Example.com`,
  name: 'Created User',
  role: 'DEVELOPER',
  password: 'a-brand-new-password',
  ...overrides,
});

const createUser = (role: Role, payload: object) =>
  app.inject({ method: 'POST', url: '/api/v1/users', headers: as(role), payload });

describe('user management (SPEC §5: admin manages, PM reads)', () => {
  it('lets an admin create a user, answering 201 without the password', async () => {
    const payload = newUser();
    const response = await createUser('ADMIN', payload);

    expect(response.statusCode).toBe(201);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      id: expect.any(String),
      email: payload.email.toLowerCase(),
      role: 'DEVELOPER',
      active: true,
    });
    expect(JSON.stringify(body)).not.toContain(payload.password);
    expect(body).not.toHaveProperty('passwordHash');

    const signIn = await bearerFor(app, { email: payload.email, password: payload.password });
    expect(signIn).toMatch(/^Bearer /);
  });

  it('refuses creation to a project manager and a developer with 403 FORBIDDEN', async () => {
    for (const role of ['PROJECT_MANAGER', 'DEVELOPER'] as const) {
      const response = await createUser(role, newUser());
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('lets a project manager read users but not a developer or a client', async () => {
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: as('PROJECT_MANAGER'),
    });
    expect(list.statusCode).toBe(200);
    const [first] = list.json<{ items: { id: string }[] }>().items;
    const one = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${first?.id}`,
      headers: as('PROJECT_MANAGER'),
    });
    expect(one.statusCode).toBe(200);

    for (const role of ['DEVELOPER', 'CLIENT'] as const) {
      const refused = await app.inject({ method: 'GET', url: '/api/v1/users', headers: as(role) });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('answers 401 to an anonymous caller', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a second user with the same email, whatever its case, with 409 EMAIL_TAKEN', async () => {
    const payload = newUser();
    expect((await createUser('ADMIN', payload)).statusCode).toBe(201);

    const duplicate = await createUser('ADMIN', newUser({ email: payload.email.toUpperCase() }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ status: 409, code: 'EMAIL_TAKEN' });
  });

  it('refuses unknown fields, a short password and a bad role with 400 VALIDATION_FAILED', async () => {
    for (const payload of [
      newUser({ isAdmin: true }),
      newUser({ password: 'too-short' }),
      newUser({ role: 'ROOT' }),
    ]) {
      const response = await createUser('ADMIN', payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: expect.any(Array),
      });
    }
  });

  it('answers 404 NOT_FOUND for an unknown id and for one that is not a UUID', async () => {
    for (const id of ['6f1c2a3b-0000-4000-8000-000000000000', 'not-a-uuid']) {
      for (const method of ['GET', 'PATCH'] as const) {
        const response = await app.inject({
          method,
          url: `/api/v1/users/${id}`,
          headers: as('ADMIN'),
          ...(method === 'PATCH' ? { payload: { name: 'Nobody' } } : {}),
        });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
      }
    }
  });

  it('lets an admin rename, promote and re-password a user', async () => {
    const created = (await createUser('ADMIN', newUser())).json<{ id: string; email: string }>();
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${created.id}`,
      headers: as('ADMIN'),
      payload: { name: 'Renamed', role: 'PROJECT_MANAGER', password: 'another-long-password' },
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Renamed', role: 'PROJECT_MANAGER' });
    await expect(
      bearerFor(app, { email: created.email, password: 'another-long-password' }),
    ).resolves.toMatch(/^Bearer /);
  });

  it('pages through users in creation order with limit and cursor', async () => {
    for (let i = 0; i < 3; i += 1) await createUser('ADMIN', newUser());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=2&cursor=${cursor}` : 'limit=2';
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/users?${query}`,
        headers: as('ADMIN'),
      });
      expect(response.statusCode).toBe(200);
      const page = response.json<{ items: { id: string }[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);

    const all = await app.inject({
      method: 'GET',
      url: '/api/v1/users?limit=100',
      headers: as('ADMIN'),
    });
    expect(seen).toEqual(all.json<{ items: { id: string }[] }>().items.map((item) => item.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a limit out of 1..100 and a forged cursor with 400', async () => {
    for (const query of ['limit=0', 'limit=101', 'cursor=forged']) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/users?${query}`,
        headers: as('ADMIN'),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
