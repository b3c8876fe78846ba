import { type LightMyRequestResponse } from 'fastify';
import { type EventEnvelope } from '@mg/shared-kernel';
import { EventCollector, type ReceivedEvent } from '@mg/shared-messaging/testing';
import { eventually, TEST_NATS_SERVERS } from '@mg/shared-testing';
import {
  type InterventionsTestContext,
  startInterventionsService,
} from './test-fixtures/interventions-test-harness';
import {
  aBilletBody,
  anInterventionBody,
  aReportBody,
  created,
  type Intervention,
  newTeam,
  type Report,
  type Team,
} from './test-fixtures/lifecycle-steps';

// A throw-away database, the workflow bundle and three workers come first; events take a moment.
jest.setTimeout(90_000);

let context: InterventionsTestContext;
let collector: EventCollector;
let team: Team;

beforeAll(async () => {
  collector = await EventCollector.start({ servers: TEST_NATS_SERVERS });
  context = await startInterventionsService('interventions_events');
  team = await newTeam(context);
});

afterAll(async () => {
  await context?.dispose();
  await collector?.stop();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

/** Each event exactly once: one message per event id, the id being the JetStream message id. */
const expectOncePerId = (events: ReceivedEvent[]) => {
  const ids = events.map((event) => event.envelope.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const event of events) expect(event.messageId).toBe(event.envelope.id);
};

interface AuditEntry {
  action: string;
  outcome: string;
  actor: unknown;
  entity: { type: string; id: string | null };
  projectId: string | null;
  requestId: string | null;
  reason: string | null;
  statusCode: number | null;
  after: unknown;
}

const auditOf = async (query: string, reader = team.pm) => {
  const response = await context.call(reader, 'GET', `/api/v1/audit?${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<{ items: AuditEntry[] }>().items;
};

/** The whole share of the interventions service in one ticket's life, through the API. */
async function walkTicket() {
  const ticket = context.newTicket(team.projectId);
  const responses: Record<string, LightMyRequestResponse> = {};
  responses.billet = await context.call(
    team.pm,
    'POST',
    '/api/v1/billets',
    aBilletBody(ticket.id, team.developer.id, { estimatedHours: 1 }),
  );
  const billet = created<{ id: string; number: string }>(responses.billet);
  responses.intervention = await context.call(
    team.developer,
    'POST',
    '/api/v1/interventions',
    anInterventionBody(billet.id, { hoursSpent: 3 }),
  );
  const intervention = created<Intervention>(responses.intervention);
  responses.report = await context.call(
    team.developer,
    'POST',
    '/api/v1/reports',
    aReportBody(intervention.id),
  );
  const report = created<Report>(responses.report);
  responses.validation = await context.call(
    team.pm,
    'POST',
    `/api/v1/reports/${report.id}/validate`,
    {},
  );
  created(responses.validation);
  return { ticket, billet, intervention, report, responses };
}

describe('events on JetStream (SPEC §8)', () => {
  it('publishes each step of a ticket once, in order, with the SPEC envelope', async () => {
    const { ticket, billet, intervention, report } = await walkTicket();
    await eventually(() => expect(collector.ofTickets(ticket.id)).toHaveLength(5), {
      timeoutMs: 15_000,
    });
    await settle();
    const events = collector.ofTickets(ticket.id);
    expect(events).toHaveLength(5);
    expectOncePerId(events);
    expect(events.map((event) => [event.subject, event.envelope.type])).toEqual([
      ['maintenance.billet.issued', 'billet.issued'],
      ['maintenance.intervention.recorded', 'intervention.recorded'],
      ['maintenance.intervention.overrun', 'intervention.overrun'],
      ['maintenance.report.submitted', 'report.submitted'],
      ['maintenance.report.validated', 'report.validated'],
    ]);
    const envelopes = events.map((event) => event.envelope);
    for (const envelope of envelopes) {
      expect(envelope).toMatchObject({
        version: 1,
        projectId: team.projectId,
        ticketId: ticket.id,
      });
    }
    const [issued, recorded, overrun, submitted, validated] = envelopes as EventEnvelope[];
    expect(issued).toMatchObject({
      actor: { id: team.pm.id, role: 'PROJECT_MANAGER' },
      data: { billet: { id: billet.id, number: billet.number, developerId: team.developer.id } },
    });
    expect(recorded).toMatchObject({
      actor: { id: team.developer.id, role: 'DEVELOPER' },
      data: { intervention: { id: intervention.id, hoursSpent: 3, warnings: ['TIME_OVERRUN'] } },
    });
    expect(overrun?.data).toMatchObject({ interventionId: intervention.id, estimatedHours: 1 });
    expect(submitted?.data).toMatchObject({
      report: { id: report.id, authorId: team.developer.id, validatedById: null },
    });
    expect(validated).toMatchObject({
      actor: { id: team.pm.id, role: 'PROJECT_MANAGER' },
      data: { report: { id: report.id, validatedById: team.pm.id } },
    });
  });

  it('publishes nothing for a refused step', async () => {
    const ticket = context.newTicket(team.projectId, { billable: true, processable: false });
    const response = await context.call(
      team.pm,
      'POST',
      '/api/v1/billets',
      aBilletBody(ticket.id, team.developer.id),
    );
    expect(response.statusCode).toBe(422);
    await settle();
    expect(collector.ofTickets(ticket.id)).toEqual([]);
  });
});

describe('the audit trail', () => {
  it('records each step with its actor and the request id that asked for it', async () => {
    const { billet, intervention, report, responses } = await walkTicket();
    const requestIdOf = (name: string) => responses[name]?.headers['x-request-id'];
    expect(await auditOf(`entityType=Billet&entityId=${billet.id}`)).toEqual([
      expect.objectContaining({
        action: 'billet.issue',
        outcome: 'SUCCEEDED',
        actor: { id: team.pm.id, role: 'PROJECT_MANAGER' },
        projectId: team.projectId,
        requestId: requestIdOf('billet'),
        after: expect.objectContaining({ id: billet.id, number: billet.number }),
      }),
    ]);
    expect(await auditOf(`entityType=Intervention&entityId=${intervention.id}`)).toEqual([
      expect.objectContaining({
        action: 'intervention.record',
        actor: { id: team.developer.id, role: 'DEVELOPER' },
        requestId: requestIdOf('intervention'),
      }),
    ]);
    expect(await auditOf(`entityType=TechnicalReport&entityId=${report.id}`)).toEqual([
      expect.objectContaining({ action: 'report.submit', requestId: requestIdOf('report') }),
      expect.objectContaining({
        action: 'report.validate',
        actor: { id: team.pm.id, role: 'PROJECT_MANAGER' },
        requestId: requestIdOf('validation'),
        after: expect.objectContaining({ validatedById: team.pm.id }),
      }),
    ]);
  });

  // A refusal names no project (the route's parameters do not say which), so admins read it.
  it('records refusals with the caller, status and error code', async () => {
    const { report } = await walkTicket();
    const refused = await context.call(
      team.developer,
      'POST',
      `/api/v1/reports/${report.id}/validate`,
      {},
    );
    expect(refused.statusCode).toBe(403);
    const entries = await auditOf(`entityType=TechnicalReport&entityId=${report.id}`, team.admin);
    expect(entries.at(-1)).toMatchObject({
      action: 'report.validate',
      outcome: 'REFUSED',
      actor: { id: team.developer.id, role: 'DEVELOPER' },
      statusCode: 403,
      reason: 'FORBIDDEN',
      requestId: refused.headers['x-request-id'],
    });
  });
});
