import { type SignedInUser } from '@mg/shared-testing';
import { TicketLifecycleClient } from '@mg/ticket-lifecycle-workflow';
import {
  type InterventionsTestContext,
  startInterventionsService,
} from './test-fixtures/interventions-test-harness';
import {
  aBilletBody,
  created,
  newTeam,
  refusal,
  steps,
  type Team,
} from './test-fixtures/lifecycle-steps';
import { IssueBilletUseCase } from './use-cases/issue-billet/issue-billet.use-case';

// A throw-away database, the workflow bundle and three workers come first.
jest.setTimeout(90_000);

let context: InterventionsTestContext;
let team: Team;

beforeAll(async () => {
  context = await startInterventionsService('interventions_billets');
  team = await newTeam(context);
});

afterAll(async () => {
  await context?.dispose();
});

const issue = (by: SignedInUser, body: object, headers?: Record<string, string>) =>
  context.call(by, 'POST', '/api/v1/billets', body, headers);

const billetsOf = async (ticketId: string) =>
  (
    await context.database.query<{ number: string }>(
      'SELECT number FROM billets WHERE ticket_id = $1 ORDER BY sequence',
      [ticketId],
    )
  ).rows.map((row) => row.number);

describe('R11: only a processable ticket can receive a billet', () => {
  it.each([
    ['billable', { billable: true, processable: false }],
    ['rejected', { status: 'REJECTED', processable: false, rejectionReason: 'Not a defect' }],
    ['closed', { status: 'CLOSED', processable: false }],
  ] as const)(
    'refuses a billet for a %s ticket with 422 TICKET_NOT_PROCESSABLE',
    async (_, state) => {
      const ticket = context.newTicket(team.projectId, state);
      const response = await issue(team.pm, aBilletBody(ticket.id, team.developer.id));
      expect(refusal(response)).toEqual({ status: 422, code: 'TICKET_NOT_PROCESSABLE' });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await billetsOf(ticket.id)).toEqual([]);
    },
  );

  it("refuses with the workflow's own verdict when the ticket's workflow knows it is billable", async () => {
    // The ticket read says processable, but its workflow (the authority) was started billable.
    const ticket = context.newTicket(team.projectId);
    const lifecycle = context.app.get(TicketLifecycleClient);
    await lifecycle.start({ ...ticket, ticketId: ticket.id, billable: true });
    const response = await issue(team.pm, aBilletBody(ticket.id, team.developer.id));
    expect(refusal(response)).toEqual({ status: 422, code: 'TICKET_NOT_PROCESSABLE' });
    expect(await billetsOf(ticket.id)).toEqual([]);
  });

  it('answers 404 for a ticket of a project the caller is not a member of', async () => {
    const outsider = await context.newUser('PROJECT_MANAGER');
    const ticket = context.newTicket(team.projectId);
    const response = await issue(outsider, aBilletBody(ticket.id, team.developer.id));
    expect(refusal(response)).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('R12: the authorized developer is an active developer or PM of the project', () => {
  it.each(['developer', 'pm'] as const)('accepts a %s member', async (who) => {
    const ticket = context.newTicket(team.projectId);
    const billet = created<{ developerId: string }>(
      await issue(team.pm, aBilletBody(ticket.id, team[who].id)),
    );
    expect(billet.developerId).toBe(team[who].id);
  });

  it.each(['support', 'client', 'admin'] as const)(
    'refuses a %s member with 422 DEVELOPER_NOT_ELIGIBLE',
    async (who) => {
      const ticket = context.newTicket(team.projectId);
      expect(refusal(await issue(team.pm, aBilletBody(ticket.id, team[who].id)))).toEqual({
        status: 422,
        code: 'DEVELOPER_NOT_ELIGIBLE',
      });
      expect(await billetsOf(ticket.id)).toEqual([]);
    },
  );

  it('refuses a developer who is not a member of the project', async () => {
    const stranger = await context.newUser('DEVELOPER');
    const ticket = context.newTicket(team.projectId);
    expect(refusal(await issue(team.pm, aBilletBody(ticket.id, stranger.id)))).toEqual({
      status: 422,
      code: 'DEVELOPER_NOT_ELIGIBLE',
    });
  });

  it('refuses a user identity does not know, and a deactivated member', async () => {
    const inactive = await context.newUser('DEVELOPER', { active: false });
    const project = context.owners.addProject([team.pm.id, inactive.id]);
    const ticket = context.newTicket(project.id);
    for (const developerId of [inactive.id, '00000000-0000-4000-8000-000000000000']) {
      expect(refusal(await issue(team.pm, aBilletBody(ticket.id, developerId)))).toEqual({
        status: 422,
        code: 'DEVELOPER_NOT_ELIGIBLE',
      });
    }
  });
});

describe('R13: estimated hours, numbering, several billets per ticket', () => {
  it.each([0, -1])(
    'refuses estimatedHours %p with 400 VALIDATION_FAILED on the field',
    async (hours) => {
      const ticket = context.newTicket(team.projectId);
      const response = await issue(
        team.pm,
        aBilletBody(ticket.id, team.developer.id, { estimatedHours: hours }),
      );
      expect(refusal(response)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(response.json()).toMatchObject({ errors: [{ path: 'estimatedHours' }] });
    },
  );

  it('numbers ten concurrent issues BILLET-xxxxx, distinct and without a gap', async () => {
    const tickets = Array.from({ length: 5 }, () => context.newTicket(team.projectId));
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        issue(team.pm, aBilletBody(tickets[i % 5]?.id ?? '', team.developer.id)),
      ),
    );
    const numbers = responses.map((response) => created<{ number: string }>(response).number);
    expect(numbers.every((number) => /^BILLET-\d{5}$/.test(number))).toBe(true);
    const values = numbers
      .map((number) => Number(number.slice('BILLET-'.length)))
      .sort((a, b) => a - b);
    expect(new Set(values).size).toBe(10);
    expect((values.at(-1) ?? 0) - (values[0] ?? 0)).toBe(9);
  });

  it('numbers the billets of one ticket in the order they were issued', async () => {
    const ticket = context.newTicket(team.projectId);
    const issued = [];
    for (const type of ['ANALYSIS', 'FIX', 'HOTFIX_DEPLOYMENT']) {
      issued.push(await steps(context).issue(team.pm, ticket, team.developer, { type }));
    }
    expect(await billetsOf(ticket.id)).toEqual(issued.map((billet) => billet.number));
  });

  it('allows several billets while the ticket is OPEN or IN_PROGRESS, and moves it to IN_PROGRESS', async () => {
    const ticket = context.newTicket(team.projectId);
    const first = await steps(context).issue(team.pm, ticket, team.developer, { type: 'ANALYSIS' });
    expect(context.owners.ticket(ticket.id)).toMatchObject({
      status: 'IN_PROGRESS',
      assigneeId: team.developer.id,
    });
    const second = await steps(context).issue(team.admin, ticket, team.pm, { type: 'FIX' });
    expect(second.number).not.toBe(first.number);
    const listed = await context.call(
      team.developer,
      'GET',
      `/api/v1/billets?ticketId=${ticket.id}`,
    );
    expect(listed.json()).toEqual({
      items: [
        expect.objectContaining({ id: first.id, type: 'ANALYSIS', developerId: team.developer.id }),
        expect.objectContaining({ id: second.id, type: 'FIX', issuedById: team.admin.id }),
      ],
      nextCursor: null,
    });
    const steps_ = context.workers.ticketSteps.filter((step) => step.ticketId === ticket.id);
    expect(steps_.map((step) => [step.kind, step.lifecycle.status])).toEqual([
      ['billet.issued', 'IN_PROGRESS'],
      ['billet.issued', 'IN_PROGRESS'],
    ]);
  });

  it('answers the stored billet with its number', async () => {
    const ticket = context.newTicket(team.projectId);
    const response = await issue(team.pm, aBilletBody(ticket.id, team.developer.id));
    expect(response.statusCode).toBe(201);
    const billet = response.json<{ id: string }>();
    expect(billet).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^BILLET-\d{5}$/),
      ticketId: ticket.id,
      projectId: team.projectId,
      developerId: team.developer.id,
      type: 'FIX',
      estimatedHours: 2.5,
      instructions: 'Reproduce on staging first',
      issuedById: team.pm.id,
      issuedAt: expect.stringMatching(/Z$/),
    });
    const fetched = await context.call(team.developer, 'GET', `/api/v1/billets/${billet.id}`);
    expect(fetched.json()).toEqual(billet);
  });
});

describe('Idempotency-Key on POST /billets', () => {
  it('answers a retried request with the first answer and issues one billet', async () => {
    const ticket = context.newTicket(team.projectId);
    const body = aBilletBody(ticket.id, team.developer.id);
    const headers = { 'idempotency-key': `billet-${ticket.id}` };
    const first = await issue(team.pm, body, headers);
    const again = await issue(team.pm, body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await billetsOf(ticket.id)).toHaveLength(1);
    const reused = await issue(team.pm, { ...body, estimatedHours: 8 }, headers);
    expect(refusal(reused)).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await billetsOf(ticket.id)).toHaveLength(1);
  });

  it('names the workflow update after the key, so a request retried past the key store applies once', async () => {
    // As when the first attempt timed out (503 releases the key) and the client retried: the
    // use case runs twice, and the workflow must apply the step once.
    const ticket = context.newTicket(team.projectId);
    const issueBillet = context.app.get(IssueBilletUseCase);
    const caller = {
      id: team.pm.id,
      role: team.pm.role,
      requestId: 'request-1',
      authorization: team.pm.authorization,
      idempotencyKey: `retried-${ticket.id}`,
    };
    const input = {
      ticketId: ticket.id,
      developerId: team.developer.id,
      type: 'FIX' as const,
      estimatedHours: 1,
    };
    const first = await issueBillet.execute(caller, input);
    const again = await issueBillet.execute(caller, input);
    expect(again).toEqual(first);
    expect(await billetsOf(ticket.id)).toHaveLength(1);
    const another = await issueBillet.execute({ ...caller, idempotencyKey: 'another-key' }, input);
    expect(another.id).not.toBe(first.id);
  });
});
