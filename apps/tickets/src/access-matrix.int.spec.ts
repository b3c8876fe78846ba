import { isAllowed, type Role, ROLES } from '@mg/shared-kernel';
import {
  declaredRoutesWithAccess,
  describeRoleMatrix,
  expectEverySuccess,
  expectHiddenFrom,
  type RouteWithAccess,
  sendValidRequest,
  type TestUser,
  type ValidRequests,
} from '@mg/shared-testing';
import { type TicketResponse } from './http/ticket-responses';
import { type FakeProject } from './test-fixtures/fake-contracts';
import { aTicketBody, createTicket, resolveTicket } from './test-fixtures/ticket-scenarios';
import { startTicketsService, type TicketsTestContext } from './test-fixtures/tickets-test-harness';

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
const validRequests: ValidRequests = {
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

const send = (user: TestUser, route: RouteWithAccess) =>
  sendValidRequest(context.call, validRequests, user, route);

describeRoleMatrix({
  routes: () => routes,
  validRequests,
  send: (role, route) => send(members[role], route),
});

describe('object-level access: another project is invisible to non-members', () => {
  const idRoutes = () => routes.filter((route) => route.path.includes(':id'));

  it.each(ROLES.filter((role) => role !== 'ADMIN'))(
    'hides the tickets from a %s outside the project: 404 on every ticket route (403 first where the role may not act at all)',
    async (role) => {
      expect(idRoutes()).toHaveLength(5);
      await expectHiddenFrom(role, idRoutes(), (route) => send(outsiders[role], route));
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
    await expectEverySuccess(idRoutes(), (route) => send(admin, route));
    const all = await context.call(admin, 'GET', '/api/v1/tickets?limit=100');
    expect(all.body).toContain(ticket.id);
  });
});
