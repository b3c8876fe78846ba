import { EventCollector } from '@mg/shared-messaging/testing';
import { eventually, type SignedInUser, TEST_NATS_SERVERS } from '@mg/shared-testing';
import {
  type InterventionsTestContext,
  startInterventionsService,
} from './test-fixtures/interventions-test-harness';
import {
  anInterventionBody,
  type Intervention,
  newTeam,
  refusal,
  steps,
  type Team,
} from './test-fixtures/lifecycle-steps';

// A throw-away database, the workflow bundle and three workers come first.
jest.setTimeout(90_000);

let context: InterventionsTestContext;
let collector: EventCollector;
let team: Team;

beforeAll(async () => {
  collector = await EventCollector.start({ servers: TEST_NATS_SERVERS });
  context = await startInterventionsService('interventions_work');
  team = await newTeam(context);
});

afterAll(async () => {
  await context?.dispose();
  await collector?.stop();
});

const record = (by: SignedInUser, body: object) =>
  context.call(by, 'POST', '/api/v1/interventions', body);

/** A fresh ticket with a billet (2.5 h estimated) issued to the team's developer. */
const aBillet = async (estimatedHours = 2.5) => {
  const ticket = context.newTicket(team.projectId);
  const billet = await steps(context).issue(team.pm, ticket, team.developer, { estimatedHours });
  return { ticket, billet };
};

const interventionsOf = async (billetId: string) =>
  (await context.database.query('SELECT id FROM interventions WHERE billet_id = $1', [billetId]))
    .rowCount;

describe('R14: no billet, no intervention; only its developer (or a PM or admin) records it', () => {
  it('answers 404 for an unknown billet', async () => {
    const response = await record(
      team.developer,
      anInterventionBody('00000000-0000-4000-8000-000000000000'),
    );
    expect(refusal(response)).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it("forbids another developer from recording on someone else's billet (403)", async () => {
    const { billet } = await aBillet();
    const response = await record(team.otherDeveloper, anInterventionBody(billet.id));
    expect(refusal(response)).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await interventionsOf(billet.id)).toBe(0);
  });

  it("lets the billet's developer, a project manager and an admin record", async () => {
    const { billet } = await aBillet();
    for (const who of [team.developer, team.pm, team.admin]) {
      const response = await record(who, anInterventionBody(billet.id));
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ billetId: billet.id, recordedById: who.id });
    }
    expect(await interventionsOf(billet.id)).toBe(3);
  });

  it('answers 404 for a billet of a ticket the caller cannot see', async () => {
    const { billet } = await aBillet();
    const outsider = await context.newUser('PROJECT_MANAGER');
    const response = await record(outsider, anInterventionBody(billet.id));
    expect(refusal(response)).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('R15: an intervention ends after it starts and takes no negative time', () => {
  it.each([
    ['endedAt before startedAt', { endedAt: '2026-11-25T07:00:00Z' }, 'endedAt'],
    ['endedAt equal to startedAt', { endedAt: '2026-11-25T08:00:00Z' }, 'endedAt'],
    ['negative hoursSpent', { hoursSpent: -0.5 }, 'hoursSpent'],
  ])('refuses %s with 400 VALIDATION_FAILED on the field', async (_, change, path) => {
    const { billet } = await aBillet();
    const response = await record(team.developer, anInterventionBody(billet.id, change));
    expect(refusal(response)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(response.json()).toMatchObject({ errors: [{ path }] });
    expect(await interventionsOf(billet.id)).toBe(0);
  });

  it('accepts an intervention still running (no endedAt) and zero hours', async () => {
    const { billet } = await aBillet();
    const response = await record(
      team.developer,
      anInterventionBody(billet.id, { endedAt: undefined, hoursSpent: 0 }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ endedAt: null, hoursSpent: 0, warnings: [] });
  });
});

describe('R16: more than twice the estimate is accepted with a warning and an event', () => {
  it('answers 201 with TIME_OVERRUN and publishes maintenance.intervention.overrun', async () => {
    const { ticket, billet } = await aBillet(2.5);
    const response = await record(
      team.developer,
      anInterventionBody(billet.id, { hoursSpent: 5.01 }),
    );
    expect(response.statusCode).toBe(201);
    const intervention = response.json<Intervention>();
    expect(intervention.warnings).toEqual(['TIME_OVERRUN']);
    const overrun = await eventually(
      () => {
        const events = collector
          .ofTickets(ticket.id)
          .filter((event) => event.subject === 'maintenance.intervention.overrun');
        expect(events).toHaveLength(1);
        return events[0];
      },
      { timeoutMs: 10_000 },
    );
    expect(overrun?.envelope).toMatchObject({
      type: 'intervention.overrun',
      actor: { id: team.developer.id, role: 'DEVELOPER' },
      projectId: team.projectId,
      ticketId: ticket.id,
      data: {
        interventionId: intervention.id,
        billetId: billet.id,
        estimatedHours: 2.5,
        hoursSpent: 5.01,
      },
    });
  });

  it('gives no warning, and no overrun event, at exactly twice the estimate', async () => {
    const { ticket, billet } = await aBillet(2.5);
    const intervention = await steps(context).record(team.developer, billet.id, { hoursSpent: 5 });
    expect(intervention.warnings).toEqual([]);
    await eventually(() =>
      expect(
        collector
          .ofTickets(ticket.id)
          .filter((event) => event.subject === 'maintenance.intervention.recorded'),
      ).toHaveLength(1),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(collector.ofTickets(ticket.id).map((event) => event.envelope.type)).not.toContain(
      'intervention.overrun',
    );
  });
});

describe('reading interventions', () => {
  it("lists a billet's interventions page by page and reads one, to any member", async () => {
    const { billet } = await aBillet();
    const recorded = [];
    for (const hoursSpent of [1, 2, 3]) {
      recorded.push(await steps(context).record(team.developer, billet.id, { hoursSpent }));
    }
    const firstPage = await context.call(
      team.client,
      'GET',
      `/api/v1/interventions?billetId=${billet.id}&limit=2`,
    );
    const page = firstPage.json<{ items: Intervention[]; nextCursor: string | null }>();
    expect(page.items.map((item) => item.id)).toEqual(recorded.slice(0, 2).map((item) => item.id));
    const secondPage = await context.call(
      team.client,
      'GET',
      `/api/v1/interventions?billetId=${billet.id}&limit=2&cursor=${page.nextCursor}`,
    );
    expect(secondPage.json()).toEqual({ items: [recorded[2]], nextCursor: null });
    const one = await context.call(team.support, 'GET', `/api/v1/interventions/${recorded[0]?.id}`);
    expect(one.json()).toEqual(recorded[0]);
  });
});
