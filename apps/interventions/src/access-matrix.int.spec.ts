import { isAllowed, type Permission, ROLES } from '@mg/shared-kernel';
import { type TestUser } from './test-fixtures/fake-identity';
import { declaredRoutesWithAccess, type RouteWithAccess } from './test-fixtures/declared-access';
import {
  type InterventionsTestContext,
  startInterventionsService,
} from './test-fixtures/interventions-test-harness';
import {
  aBilletBody,
  anInterventionBody,
  aReportBody,
  newTeam,
  steps,
  type Team,
  workedTicket,
} from './test-fixtures/lifecycle-steps';

// A throw-away database, the workflow bundle and three workers come first; every role walks
// every route, several of which need a fresh ticket worked up to a report.
jest.setTimeout(180_000);

let context: InterventionsTestContext;
let team: Team;
let outsiders: Team;
let routes: RouteWithAccess[];
/** One ticket of the team's project, worked up to a report (billet issued to the developer). */
let worked: { ticketId: string; billetId: string; interventionId: string; reportId: string };

beforeAll(async () => {
  context = await startInterventionsService('interventions_access');
  team = await newTeam(context);
  // Outsiders work on a project of their own, so that "nothing of the other project" is not
  // trivially true.
  outsiders = await newTeam(context);
  await workedTicket(context, outsiders, 'report');
  const { ticket, billet, intervention, report } = await workedTicket(context, team, 'report');
  if (!intervention || !report) throw new Error('no report');
  worked = {
    ticketId: ticket.id,
    billetId: billet.id,
    interventionId: intervention.id,
    reportId: report.id,
  };
  routes = declaredRoutesWithAccess(context.app).filter((route) => route.access !== 'public');
});

afterAll(async () => {
  await context?.dispose();
});

/** A report of a fresh ticket of the team's project, written by its developer, to validate. */
const freshReport = async () => (await workedTicket(context, team, 'report')).report?.id ?? '';

/** A request every rule accepts, for each route; a route missing here fails the test. */
const validRequests: Record<string, () => Promise<{ url: string; payload?: unknown }>> = {
  'GET /me': async () => ({ url: '/me' }),
  'POST /billets': async () => ({
    url: '/billets',
    payload: aBilletBody(context.newTicket(team.projectId).id, team.developer.id),
  }),
  'GET /billets': async () => ({ url: `/billets?ticketId=${worked.ticketId}` }),
  'GET /billets/:id': async () => ({ url: `/billets/${worked.billetId}` }),
  'POST /interventions': async () => ({
    url: '/interventions',
    payload: anInterventionBody(worked.billetId),
  }),
  'GET /interventions': async () => ({ url: `/interventions?billetId=${worked.billetId}` }),
  'GET /interventions/:id': async () => ({ url: `/interventions/${worked.interventionId}` }),
  'POST /reports': async () => ({
    url: '/reports',
    payload: aReportBody((await steps(context).record(team.developer, worked.billetId)).id),
  }),
  'GET /reports': async () => ({ url: `/reports?ticketId=${worked.ticketId}` }),
  'GET /reports/:id': async () => ({ url: `/reports/${worked.reportId}` }),
  'POST /reports/:id/validate': async () => ({
    url: `/reports/${await freshReport()}/validate`,
    payload: {},
  }),
  'GET /audit': async () => ({ url: `/audit?entityType=Billet&entityId=${worked.billetId}` }),
};

const send = async (user: TestUser, route: RouteWithAccess) => {
  const request = await validRequests[`${route.method} ${route.path}`]?.();
  if (!request) throw new Error(`No valid request for ${route.method} ${route.path}`);
  return context.call(user, route.method as 'GET', `/api/v1${request.url}`, request.payload);
};

const allowed = (role: (typeof ROLES)[number], route: RouteWithAccess) =>
  route.access !== 'undeclared' &&
  route.access !== 'public' &&
  isAllowed(role, route.access as Permission);

describe('SPEC §5 role matrix, for every declared route and every role', () => {
  it('declares a permission on every route and a test request for each', () => {
    expect(routes.filter((route) => route.access === 'undeclared')).toEqual([]);
    const declared = routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(declared).toEqual(Object.keys(validRequests).sort());
  });

  it.each(ROLES)('answers %s as the PERMISSIONS table says', async (role) => {
    for (const route of routes) {
      // Only the billet's own developer records on it (R14): the team's developer is that one.
      const response = await send(team.byRole[role], route);
      const outcome = `${route.method} ${route.path} as ${role} → ${response.statusCode} ${response.body.slice(0, 120)}`;
      if (allowed(role, route)) {
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
  /** Every route naming an object of the team's project (by id, in its query or in its body). */
  const objectRoutes = () => routes.filter((route) => !['/me', '/audit'].includes(route.path));

  it.each(ROLES.filter((role) => role !== 'ADMIN'))(
    'hides the project from a %s outside it: 404 on every route naming its objects (403 first where the role may not act at all)',
    async (role) => {
      expect(objectRoutes().length).toBeGreaterThanOrEqual(10);
      for (const route of objectRoutes()) {
        const response = await send(outsiders.byRole[role], route);
        const expected = allowed(role, route) ? 404 : 403;
        expect(`${route.method} ${route.path} → ${response.statusCode}`).toBe(
          `${route.method} ${route.path} → ${expected}`,
        );
      }
    },
  );

  it('shows a project manager outside the project none of its audit entries', async () => {
    const list = async (url: string) =>
      (await context.call(outsiders.pm, 'GET', `/api/v1${url}`)).json<{ items: unknown[] }>().items;
    expect(await list(`/audit?entityType=Billet&entityId=${worked.billetId}`)).toEqual([]);
    expect(JSON.stringify(await list('/audit?limit=100'))).not.toContain(team.projectId);
    expect(JSON.stringify(await list('/audit?limit=100'))).toContain(outsiders.projectId);
  });

  it('lets an admin who is not a member see and act on every project', async () => {
    const admin = await context.newUser('ADMIN');
    for (const route of objectRoutes()) {
      const response = await send(admin, route);
      expect(`${route.method} ${route.path} → ${response.statusCode}`).toMatch(/→ 2\d\d$/);
    }
  });
});
