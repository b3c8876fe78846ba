import { type SignedInUser } from '@mg/shared-testing';
import {
  type InterventionsTestContext,
  startInterventionsService,
} from './test-fixtures/interventions-test-harness';
import {
  aReportBody,
  newTeam,
  refusal,
  type Report,
  steps,
  type Team,
  workedTicket,
} from './test-fixtures/lifecycle-steps';

// A throw-away database, the workflow bundle and three workers come first.
jest.setTimeout(90_000);

let context: InterventionsTestContext;
let team: Team;

beforeAll(async () => {
  context = await startInterventionsService('interventions_reports');
  team = await newTeam(context);
});

afterAll(async () => {
  await context?.dispose();
});

const submit = (by: SignedInUser, body: object) =>
  context.call(by, 'POST', '/api/v1/reports', body);
const validate = (by: SignedInUser, reportId: string) =>
  context.call(by, 'POST', `/api/v1/reports/${reportId}/validate`, {});

const withIntervention = () => workedTicket(context, team, 'intervention');
const withReport = () => workedTicket(context, team, 'report');

describe('R17: one report per intervention, with a root cause and a solution', () => {
  it('stores the report, authored by the caller, not validated', async () => {
    const { ticket, intervention } = await withIntervention();
    const response = await submit(team.developer, aReportBody(intervention.id));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String),
      interventionId: intervention.id,
      ticketId: ticket.id,
      projectId: team.projectId,
      authorId: team.developer.id,
      initialProblem: 'Error 500 on payment',
      rootCause: 'Expired Stripe API key in production',
      solution: 'Rotated the key and added an expiry alert',
      systemImpact: null,
      futureRisks: null,
      recommendations: null,
      submittedAt: expect.stringMatching(/Z$/),
      validatedBy: null,
      validatedAt: null,
    });
  });

  it('refuses a second report for the same intervention with 409', async () => {
    const { intervention } = await withIntervention();
    await steps(context).submit(team.developer, intervention.id);
    const second = await submit(team.pm, aReportBody(intervention.id, { rootCause: 'Other' }));
    expect(refusal(second)).toEqual({ status: 409, code: 'REPORT_ALREADY_SUBMITTED' });
  });

  it.each(['rootCause', 'solution'])('refuses a report without %s with 400', async (field) => {
    const { intervention } = await withIntervention();
    const response = await submit(
      team.developer,
      aReportBody(intervention.id, { [field]: undefined }),
    );
    expect(refusal(response)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(response.json()).toMatchObject({ errors: [{ path: field }] });
  });

  it('answers 404 for an unknown intervention', async () => {
    const response = await submit(
      team.developer,
      aReportBody('00000000-0000-4000-8000-000000000000'),
    );
    expect(refusal(response)).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('R18: a PM or admin other than the author validates, once, and the ticket resolves', () => {
  it('forbids a developer from validating (403 FORBIDDEN)', async () => {
    const { report } = await withReport();
    expect(refusal(await validate(team.otherDeveloper, report.id))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
  });

  it('refuses the author, even a project manager (403 SELF_VALIDATION)', async () => {
    const { intervention } = await withIntervention();
    const report = await steps(context).submit(team.pm, intervention.id);
    expect(refusal(await validate(team.pm, report.id))).toEqual({
      status: 403,
      code: 'SELF_VALIDATION',
    });
  });

  it('validates with validatedBy and validatedAt, and resolves the ticket in the same step', async () => {
    const { ticket, report } = await withReport();
    const response = await validate(team.pm, report.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: report.id,
      authorId: team.developer.id,
      validatedBy: team.pm.id,
      validatedAt: expect.stringMatching(/Z$/),
    });
    const resolved = context.workers.ticketSteps.filter(
      (step) => step.ticketId === ticket.id && step.kind === 'report.validated',
    );
    expect(resolved).toEqual([
      expect.objectContaining({
        event: 'ticket.resolved',
        lifecycle: expect.objectContaining({ status: 'RESOLVED', validatedReportId: report.id }),
        actor: { id: team.pm.id, role: 'PROJECT_MANAGER' },
      }),
    ]);
    expect(context.owners.ticket(ticket.id)?.status).toBe('RESOLVED');
  });

  it('validates without a body at all, as with {}', async () => {
    const { report } = await withReport();
    const response = await context.call(
      team.admin,
      'POST',
      `/api/v1/reports/${report.id}/validate`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: report.id, validatedBy: team.admin.id });
  });

  it('refuses validating twice with 409 INVALID_TRANSITION', async () => {
    const { report } = await withReport();
    await steps(context).validate(team.admin, report.id);
    expect(refusal(await validate(team.pm, report.id))).toEqual({
      status: 409,
      code: 'INVALID_TRANSITION',
    });
  });
});

describe('reading reports', () => {
  it("lists a ticket's reports and reads one, to any member; 404 to outsiders", async () => {
    const { ticket, report } = await withReport();
    const listed = await context.call(team.client, 'GET', `/api/v1/reports?ticketId=${ticket.id}`);
    expect(listed.json()).toEqual({
      items: [expect.objectContaining({ id: report.id })],
      nextCursor: null,
    });
    const one = await context.call(team.support, 'GET', `/api/v1/reports/${report.id}`);
    expect(one.json<Report>()).toMatchObject({ id: report.id, validatedBy: null });
    const outsider = await context.newUser('PROJECT_MANAGER');
    expect((await context.call(outsider, 'GET', `/api/v1/reports/${report.id}`)).statusCode).toBe(
      404,
    );
  });
});
