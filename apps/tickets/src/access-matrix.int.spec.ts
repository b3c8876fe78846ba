import { isAllowed, type Role, ROLES } from '@mg/shared-kernel';
import { type TicketResponse } from './http/ticket-responses';
import { declaredRoutesWithAccess, type RouteWithAccess } from './test-fixtures/declared-access';
import { type FakeProject } from './test-fixtures/fake-contracts';
import { aTicketBody, createTicket, resolveTicket } from './test-fixtures/ticket-scenarios';
import {
  startTicketsService,
  type TestUser,
  type TicketsTestContext,
} from './test-fixtures/tickets-test-harness';

// Bundling the workflow and creating a database take a while; decisions need resolved tickets.
jest.setTimeout(120_000);

let context: TicketsTestContext;
let members: Record<Role, TestUser>;
let outsiders: Record<Role, TestUser>;
let project: FakeProject;
let contractId: string;
let ticket: TicketResponse;
let routes: RouteWithAccess[];

beforeAll(async () => {
  context = await startTicketsService('tickets_access');
  const users = () =>
    Object.fromEntries(ROLES.map((role) => [role, context.newUser(role)])) as Record<
      Role,
      TestUser
    >;
  members = users();
  outsiders = users();
  project = context.contracts.addProject(Object.values(members).map((user) => user.id));
  contractId = context.contracts.addContract(project.id).id;
  ticket = await createTicket(context, members.ADMIN, aTicketBody(project.id, { contractId }));
  // Outsiders have a project and a ticket of their own, so "nothing of the other project" is
  // not trivially true.
  const theirs = context.contracts.addProject(Object.values(outsiders).map((user) => user.id));
  await createTicket(context, outsiders.ADMIN, aTicketBody(theirs.id));
  routes = declaredRoutesWithAccess(context.app).filter((route) => route.access !== 'public');
});

afterAll(async () => {
  await context?.dispose();
});

const people = () => ({ manager: members.PROJECT_MANAGER, developer: members.DEVELOPER });

/** A ticket of the members' project in a state where the decision is accepted. */
async function ticketFor(decision: 'close' | 'reject' | 'reopen'): Promise<TicketResponse> {
  const fresh = await createTicket(context, members.ADMIN, aTicketBody(project.id, { contractId }));
  if (decision !== 'reject') await resolveTicket(context, fresh, people());
  return fresh;
}

/**
 * A request every rule accepts, for each route; a route missing here fails the test. Decisions
 * get a fresh ticket in the right state only when the caller's role may decide (the others are
 * refused before the ticket is even read).
 */
const validRequests: Record<
  string,
  (mayAct: boolean) => Promise<{ url: string; payload?: unknown }>
> = {
  'GET /me': async () => ({ url: '/me' }),
  'POST /tickets': async () => ({ url: '/tickets', payload: aTicketBody(project.id) }),
  'GET /tickets': async () => ({ url: `/tickets?projectId=${project.id}` }),
  'GET /tickets/:id': async () => ({ url: `/tickets/${ticket.id}` }),
  'GET /tickets/:id/history': async () => ({ url: `/tickets/${ticket.id}/history` }),
  'POST /tickets/:id/close': async (mayAct) => ({
    url: `/tickets/${(mayAct ? await ticketFor('close') : ticket).id}/close`,
    payload: {},
  }),
  'POST /tickets/:id/reject': async (mayAct) => ({
    url: `/tickets/${(mayAct ? await ticketFor('reject') : ticket).id}/reject`,
    payload: { reason: 'Not a defect' },
  }),
  'POST /tickets/:id/reopen': async (mayAct) => ({
    url: `/tickets/${(mayAct ? await ticketFor('reopen') : ticket).id}/reopen`,
    payload: { reason: 'Still failing' },
  }),
  'GET /stats': async () => ({ url: `/stats?projectId=${project.id}` }),
  'GET /audit': async () => ({ url: `/audit?entityType=Ticket&entityId=${ticket.id}` }),
};

const mayCall = (role: Role, route: RouteWithAccess): boolean =>
  route.access !== 'undeclared' && route.access !== 'public' && isAllowed(role, route.access);

const send = async (user: TestUser, route: RouteWithAccess, mayAct = mayCall(user.role, route)) => {
  const request = await validRequests[`${route.method} ${route.path}`]?.(mayAct);
  if (!request) throw new Error(`No valid request for ${route.method} ${route.path}`);
  return context.call(user, route.method as 'GET', `/api/v1${request.url}`, request.payload);
};

describe('SPEC §5 role matrix, for every declared route and every role', () => {
  it('declares a permission on every route and a test request for each', () => {
    expect(routes.filter((route) => route.access === 'undeclared')).toEqual([]);
    const declared = routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(declared).toEqual(Object.keys(validRequests).sort());
  });

  it.each(ROLES)('answers %s as the PERMISSIONS table says', async (role) => {
    for (const route of routes) {
      const response = await send(members[role], route);
      const outcome = `${route.method} ${route.path} as ${role} → ${response.statusCode} ${response.body.slice(0, 120)}`;
      if (mayCall(role, route)) {
        expect({ outcome, ok: response.statusCode < 300 }).toEqual({ outcome, ok: true });
      } else {
        expect({
          outcome,
          status: response.statusCode,
          code: response.json<{ code: string }>().code,
        }).toEqual({ outcome, status: 403, code: 'FORBIDDEN' });
      }
    }
  });
});

describe('object-level access: another project is invisible to non-members', () => {
  const idRoutes = () => routes.filter((route) => route.path.includes(':id'));

  it.each(ROLES.filter((role) => role !== 'ADMIN'))(
    'hides the tickets from a %s outside the project: 404 on every ticket route (403 first where the role may not act at all)',
    async (role) => {
      expect(idRoutes()).toHaveLength(5);
      for (const route of idRoutes()) {
        const response = await send(outsiders[role], route);
        const expected = mayCall(role, route) ? 404 : 403;
        expect(`${route.method} ${route.path} → ${response.statusCode}`).toBe(
          `${route.method} ${route.path} → ${expected}`,
        );
      }
    },
  );

  it.each(ROLES.filter((role) => role !== 'ADMIN'))(
    'shows a %s outside the project none of its tickets, indicators or audit entries',
    async (role) => {
      const user = outsiders[role];
      const get = (url: string) => context.call(user, 'GET', `/api/v1${url}`);
      const mentions = (body: string) => body.includes(project.id) || body.includes(ticket.id);
      const mine = await get('/tickets');
      expect(mine.json<{ items: unknown[] }>().items).toHaveLength(1);
      expect(mentions(mine.body)).toBe(false);
      expect((await get(`/tickets?projectId=${project.id}`)).statusCode).toBe(404);
      expect((await get(`/stats?projectId=${project.id}`)).statusCode).toBe(404);
      expect(
        (await context.call(user, 'POST', '/api/v1/tickets', aTicketBody(project.id))).statusCode,
      ).toBe(404);
      if (isAllowed(role, 'audit:read')) {
        const audit = await get('/audit');
        expect(audit.statusCode).toBe(200);
        expect(mentions(audit.body)).toBe(false);
      }
    },
  );

  it('lets an admin who is not a member see and act on every project', async () => {
    const admin = outsiders.ADMIN;
    for (const route of idRoutes()) {
      const response = await send(admin, route);
      expect(`${route.method} ${route.path} → ${response.statusCode}`).toMatch(/→ 2\d\d$/);
    }
    const all = await context.call(admin, 'GET', '/api/v1/tickets?limit=100');
    expect(all.body).toContain(ticket.id);
  });
});
