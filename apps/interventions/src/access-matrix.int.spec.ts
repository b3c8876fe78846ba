import { ROLES } from '@mg/shared-kernel';
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
  type WorkedTicket,
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
let worked: WorkedTicket;

beforeAll(async () => {
  context = await startInterventionsService('interventions_access');
  team = await newTeam(context);
  // Outsiders work on a project of their own, so that "nothing of the other project" is not
  // trivially true.
  outsiders = await newTeam(context);
  await workedTicket(context, outsiders, 'report');
  worked = await workedTicket(context, team, 'report');
  routes = declaredRoutesWithAccess(context.app).filter((route) => route.access !== 'public');
});

afterAll(async () => {
  await context?.dispose();
});

/** A report of a fresh ticket of the team's project, written by its developer, to validate. */
const freshReport = async () => (await workedTicket(context, team, 'report')).report.id;

/** A request every rule accepts, for each route; a route missing here fails the test. */
const validRequests: ValidRequests = {
  'GET /me': async () => ({ url: '/me' }),
  'POST /billets': async () => ({
    url: '/billets',
    payload: aBilletBody(context.newTicket(team.projectId).id, team.developer.id),
  }),
  'GET /billets': async () => ({ url: `/billets?ticketId=${worked.ticket.id}` }),
  'GET /billets/:id': async () => ({ url: `/billets/${worked.billet.id}` }),
  'POST /interventions': async () => ({
    url: '/interventions',
    payload: anInterventionBody(worked.billet.id),
  }),
  'GET /interventions': async () => ({ url: `/interventions?billetId=${worked.billet.id}` }),
  'GET /interventions/:id': async () => ({ url: `/interventions/${worked.intervention.id}` }),
  'POST /reports': async () => ({
    url: '/reports',
    payload: aReportBody((await steps(context).record(team.developer, worked.billet.id)).id),
  }),
  'GET /reports': async () => ({ url: `/reports?ticketId=${worked.ticket.id}` }),
  'GET /reports/:id': async () => ({ url: `/reports/${worked.report.id}` }),
  'POST /reports/:id/validate': async () => ({
    url: `/reports/${await freshReport()}/validate`,
    payload: {},
  }),
  'GET /audit': async () => ({ url: `/audit?entityType=Billet&entityId=${worked.billet.id}` }),
};

const send = (user: SignedInUser, route: RouteWithAccess) =>
  sendValidRequest(context.call, validRequests, user, route);

describeRoleMatrix({
  routes: () => routes,
  validRequests,
  send: (role, route) => send(team.byRole[role], route),
});

describe('object-level access: another project is invisible to non-members', () => {
  /** Every route naming an object of the team's project (by id, in its query or in its body). */
  const objectRoutes = () => routes.filter((route) => !['/me', '/audit'].includes(route.path));

  it.each(ROLES.filter((role) => role !== 'ADMIN'))(
    'hides the project from a %s outside it: 404 on every route naming its objects (403 first where the role may not act at all)',
    async (role) => {
      expect(objectRoutes().length).toBeGreaterThanOrEqual(10);
      await expectHiddenFrom(role, objectRoutes(), (route) => send(outsiders.byRole[role], route));
    },
  );

  it('shows a project manager outside the project none of its audit entries', async () => {
    const list = async (url: string) =>
      (await context.call(outsiders.pm, 'GET', `/api/v1${url}`)).json<{ items: unknown[] }>().items;
    expect(await list(`/audit?entityType=Billet&entityId=${worked.billet.id}`)).toEqual([]);
    expect(JSON.stringify(await list('/audit?limit=100'))).not.toContain(team.projectId);
    expect(JSON.stringify(await list('/audit?limit=100'))).toContain(outsiders.projectId);
  });

  it('lets an admin who is not a member see and act on every project', async () => {
    const admin = await context.newUser('ADMIN');
    await expectEverySuccess(objectRoutes(), (route) => send(admin, route));
  });
});
