import { isAllowed, type Role, ROLES } from '@mg/shared-kernel';
import {
  declaredRoutesWithAccess,
  describeRoleMatrix,
  expectEverySuccess,
  expectHiddenFrom,
  type RouteWithAccess,
  sendValidRequest,
  type SignedInUser,
  type ValidRequests,
} from '@mg/shared-testing';
import {
  aContractBody,
  type ContractsTestContext,
  createProject,
  startContractsService,
} from './test-fixtures/contracts-test-harness';

// A throw-away database is created and migrated first.
jest.setTimeout(60_000);

let context: ContractsTestContext;
let members: Record<Role, SignedInUser>;
let outsiders: Record<Role, SignedInUser>;
let project: { id: string };
let contract: { id: string };
let routes: RouteWithAccess[];
let counter = 0;

beforeAll(async () => {
  context = await startContractsService('contracts_access');
  const users = async () =>
    Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await context.newUser(role)])),
    ) as Record<Role, SignedInUser>;
  members = await users();
  outsiders = await users();
  project = await createProject(context, members.ADMIN, Object.values(members));
  contract = (
    await context.call(members.ADMIN, 'POST', '/api/v1/contracts', aContractBody(project.id))
  ).json();
  // Outsiders see their own project, so that "nothing of the other project" is not trivially true.
  const theirs = await createProject(context, members.ADMIN, Object.values(outsiders));
  await context.call(members.ADMIN, 'POST', '/api/v1/contracts', aContractBody(theirs.id));
  routes = declaredRoutesWithAccess(context.app).filter((route) => route.access !== 'public');
});

afterAll(async () => {
  await context?.dispose();
});

/** A request every rule accepts, for each route; a route missing here fails the test. */
const validRequests: ValidRequests = {
  'GET /me': async () => ({ url: '/me' }),
  'GET /projects': async () => ({ url: '/projects' }),
  'POST /projects': async () => ({ url: '/projects', payload: { name: 'Matrix project' } }),
  'GET /projects/:id': async () => ({ url: `/projects/${project.id}` }),
  'PATCH /projects/:id': async () => ({
    url: `/projects/${project.id}`,
    payload: { client: `Client ${(counter += 1)}` },
  }),
  'PUT /projects/:id/members/:userId': async () => ({
    url: `/projects/${project.id}/members/${(await context.newUser('DEVELOPER')).id}`,
  }),
  'DELETE /projects/:id/members/:userId': async () => ({
    url: `/projects/${project.id}/members/${(await context.newUser('DEVELOPER')).id}`,
  }),
  'GET /contracts': async () => ({ url: `/contracts?projectId=${project.id}` }),
  'POST /contracts': async () => {
    const year = 2030 + (counter += 1);
    return {
      url: '/contracts',
      payload: aContractBody(project.id, { startDate: `${year}-01-01`, endDate: `${year}-12-31` }),
    };
  },
  'GET /contracts/:id': async () => ({ url: `/contracts/${contract.id}` }),
  'PATCH /contracts/:id': async () => ({
    url: `/contracts/${contract.id}`,
    payload: { coverage: `Coverage ${(counter += 1)}` },
  }),
  'GET /audit': async () => ({ url: `/audit?entityType=Project&entityId=${project.id}` }),
};

const send = (user: SignedInUser, route: RouteWithAccess) =>
  sendValidRequest(context.call, validRequests, user, route);

describeRoleMatrix({
  routes: () => routes,
  validRequests,
  send: (role, route) => send(members[role], route),
});

describe('object-level access: another project is invisible to non-members', () => {
  const idRoutes = () => routes.filter((route) => route.path.includes(':id'));

  it.each(ROLES.filter((role) => role !== 'ADMIN'))(
    'hides the project from a %s outside it: 404 on every route taking its id (403 first where the role may not act at all)',
    async (role) => {
      expect(idRoutes().length).toBeGreaterThanOrEqual(6);
      await expectHiddenFrom(role, idRoutes(), (route) => send(outsiders[role], route));
    },
  );

  it.each(ROLES.filter((role) => role !== 'ADMIN'))(
    'shows a %s outside the project none of its projects, contracts or audit entries',
    async (role) => {
      const user = outsiders[role];
      const list = async (url: string) =>
        (await context.call(user, 'GET', `/api/v1${url}`)).json<{ items: unknown[] }>().items;
      const mentions = (items: unknown[]) => JSON.stringify(items).includes(project.id);
      expect((await list('/projects')).length).toBe(1);
      expect(mentions(await list('/projects'))).toBe(false);
      expect((await list('/contracts')).length).toBe(1);
      expect(mentions(await list('/contracts'))).toBe(false);
      expect(await list(`/contracts?projectId=${project.id}`)).toEqual([]);
      if (isAllowed(role, 'audit:read')) {
        expect(await list(`/audit?entityType=Project&entityId=${project.id}`)).toEqual([]);
        expect(mentions(await list('/audit'))).toBe(false);
      }
    },
  );

  it('lets an admin who is not a member see and act on every project', async () => {
    await expectEverySuccess(idRoutes(), (route) => send(outsiders.ADMIN, route));
  });
});
