import { type SignedInUser } from '@mg/shared-testing';
import {
  type ContractsTestContext,
  createProject,
  startContractsService,
} from './test-fixtures/contracts-test-harness';

// A throw-away database is created and migrated first.
jest.setTimeout(30_000);

let context: ContractsTestContext;
let admin: SignedInUser;
let pm: SignedInUser;
let developer: SignedInUser;

beforeAll(async () => {
  context = await startContractsService('contracts_projects');
  [admin, pm, developer] = await Promise.all([
    context.newUser('ADMIN'),
    context.newUser('PROJECT_MANAGER'),
    context.newUser('DEVELOPER'),
  ]);
});

afterAll(async () => {
  await context?.dispose();
});

const memberIdsOf = (response: { json: () => unknown }) =>
  [...(response.json() as { memberIds: string[] }).memberIds].sort();

describe('creating a project', () => {
  it('makes the project manager who creates it a member, so they can see it', async () => {
    const response = await context.call(pm, 'POST', '/api/v1/projects', {
      name: '  Shop  ',
      client: 'ACME',
      memberIds: [developer.id],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'Shop', client: 'ACME' });
    expect(memberIdsOf(response)).toEqual([developer.id, pm.id].sort());
    const id = response.json<{ id: string }>().id;
    expect((await context.call(pm, 'GET', `/api/v1/projects/${id}`)).statusCode).toBe(200);
  });

  it('does not make an admin a member of the projects they create', async () => {
    const response = await context.call(admin, 'POST', '/api/v1/projects', {
      name: 'Admin-made',
      memberIds: [pm.id],
    });
    expect(memberIdsOf(response)).toEqual([pm.id]);
  });

  it('refuses member ids identity does not know, or deactivated users, naming each path', async () => {
    const leaver = await context.identity.newUser('DEVELOPER', { active: false });
    const unknown = '0d1c6a0e-0000-4000-8000-000000000000';
    const response = await context.call(pm, 'POST', '/api/v1/projects', {
      name: 'Ghosts',
      memberIds: [developer.id, unknown, leaver.id],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'memberIds.1', message: expect.stringContaining(unknown) },
        { path: 'memberIds.2', message: expect.stringContaining('deactivated') },
      ],
    });
  });

  it('answers 503 SERVICE_UNAVAILABLE while identity cannot check the members', async () => {
    context.identity.goDown();
    try {
      const response = await context.call(pm, 'POST', '/api/v1/projects', {
        name: 'Blind',
        memberIds: [developer.id],
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      context.identity.comeBack();
    }
  });
});

describe('project members', () => {
  it('adds a member with PUT, idempotently, and removes them with DELETE', async () => {
    const { id } = await createProject(context, pm);
    const url = `/api/v1/projects/${id}/members/${developer.id}`;
    const added = await context.call(pm, 'PUT', url);
    expect(added.statusCode).toBe(200);
    expect(memberIdsOf(added)).toEqual([developer.id, pm.id].sort());
    expect(memberIdsOf(await context.call(pm, 'PUT', url))).toEqual(memberIdsOf(added));
    expect((await context.call(developer, 'GET', `/api/v1/projects/${id}`)).statusCode).toBe(200);

    const removed = await context.call(pm, 'DELETE', url);
    expect(removed.statusCode).toBe(200);
    expect(memberIdsOf(removed)).toEqual([pm.id]);
    expect((await context.call(pm, 'DELETE', url)).statusCode).toBe(200);
    expect((await context.call(developer, 'GET', `/api/v1/projects/${id}`)).statusCode).toBe(404);
  });

  it('refuses to add a user identity does not know, on the userId path', async () => {
    const { id } = await createProject(context, pm);
    for (const userId of ['0d1c6a0e-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await context.call(pm, 'PUT', `/api/v1/projects/${id}/members/${userId}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'userId' }],
      });
    }
  });

  it('replaces the member list with PATCH, checking only the members it adds', async () => {
    const { id } = await createProject(context, pm, [developer]);
    const support = await context.newUser('SUPPORT');
    const response = await context.call(pm, 'PATCH', `/api/v1/projects/${id}`, {
      name: 'Renamed',
      client: null,
      memberIds: [pm.id, support.id],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Renamed', client: null });
    expect(memberIdsOf(response)).toEqual([pm.id, support.id].sort());
  });

  it('answers 404 for an id that is not a project, or not even a UUID', async () => {
    for (const id of ['0d1c6a0e-0000-4000-8000-000000000000', 'nope']) {
      expect((await context.call(admin, 'GET', `/api/v1/projects/${id}`)).json()).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
      });
    }
  });
});

describe('project lists', () => {
  it('pages with limit and cursor, every project once', async () => {
    const manager = await context.newUser('PROJECT_MANAGER');
    const created = [];
    for (let i = 0; i < 5; i += 1) created.push((await createProject(context, manager)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=2&cursor=${cursor}` : 'limit=2';
      const page = (await context.call(manager, 'GET', `/api/v1/projects?${query}`)).json<{
        items: { id: string }[];
        nextCursor: string | null;
      }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created);
  });

  it('refuses a cursor it did not issue with 400', async () => {
    const response = await context.call(pm, 'GET', '/api/v1/projects?cursor=garbage');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'cursor' }] });
  });
});
