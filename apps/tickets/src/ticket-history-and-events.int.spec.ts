import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { EventCollector } from '@mg/shared-messaging/testing';
import { ActivityWorker } from '@mg/shared-temporal';
import { eventually, TEST_NATS_SERVERS, type TestUser } from '@mg/shared-testing';
import { type TicketsActivities, type TicketStepInput } from '@mg/ticket-lifecycle-workflow';
import { type TicketResponse } from './http/ticket-responses';
import { type FakeProject } from './test-fixtures/fake-contracts';
import { aTicketBody, createTicket, resolveTicket } from './test-fixtures/ticket-scenarios';
import { startTicketsService, type TicketsTestContext } from './test-fixtures/tickets-test-harness';
import { ReopenTicketUseCase } from './use-cases/reopen-ticket/reopen-ticket.use-case';

// Bundling the workflow and creating a database take a while; events take a moment to arrive.
jest.setTimeout(90_000);

let context: TicketsTestContext;
let collector: EventCollector;
let manager: TestUser;
let developer: TestUser;
let project: FakeProject;
let contractId: string;

beforeAll(async () => {
  collector = await EventCollector.start({
    servers: TEST_NATS_SERVERS,
    subjects: 'maintenance.ticket.>',
  });
  context = await startTicketsService('tickets_history');
  manager = context.newUser('PROJECT_MANAGER');
  developer = context.newUser('DEVELOPER');
  project = context.contracts.addProject([manager.id, developer.id]);
  contractId = context.contracts.addContract(project.id).id;
});

afterAll(async () => {
  await context?.dispose();
  await collector?.stop();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

const newTicket = () => createTicket(context, manager, aTicketBody(project.id, { contractId }));

const post = (ticket: TicketResponse, decision: string, body: object = {}) =>
  context.call(manager, 'POST', `/api/v1/tickets/${ticket.id}/${decision}`, body);

interface HistoryItem {
  id: string;
  kind: string;
  actor: { id: string; role: string };
  at: string;
  reason: string | null;
  statusAfter: string;
  details: Record<string, unknown>;
}

const historyOf = async (ticket: TicketResponse): Promise<HistoryItem[]> =>
  (await context.call(developer, 'GET', `/api/v1/tickets/${ticket.id}/history`)).json<{
    items: HistoryItem[];
  }>().items;

const count = async (sql: string, ...values: unknown[]): Promise<number> =>
  (await context.db.query<{ count: number }>(sql, values)).rows[0]?.count ?? -1;

describe('GET /tickets/:id/history', () => {
  it('is the ordered timeline, creation first and closure last, with actor, time and reason of each step', async () => {
    const ticket = await newTicket();
    await resolveTicket(context, ticket, { manager, developer });
    await post(ticket, 'reopen', { reason: 'Still failing on Safari' });
    await resolveTicket(
      context,
      ticket,
      { manager, developer },
      (await historyOf(ticket)).find((entry) => entry.kind === 'billet.issued')?.details
        .billetId as string,
    );
    await post(ticket, 'close');

    const history = await historyOf(ticket);
    expect(history.map((entry) => [entry.kind, entry.statusAfter, entry.actor.id])).toEqual([
      ['ticket.created', 'OPEN', manager.id],
      ['billet.issued', 'IN_PROGRESS', manager.id],
      ['intervention.recorded', 'IN_PROGRESS', developer.id],
      ['report.submitted', 'IN_PROGRESS', developer.id],
      ['report.validated', 'RESOLVED', manager.id],
      ['ticket.reopened', 'IN_PROGRESS', manager.id],
      ['intervention.recorded', 'IN_PROGRESS', developer.id],
      ['report.submitted', 'IN_PROGRESS', developer.id],
      ['report.validated', 'RESOLVED', manager.id],
      ['ticket.closed', 'CLOSED', manager.id],
    ]);
    const times = history.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(history[5]).toMatchObject({
      reason: 'Still failing on Safari',
      actor: { role: 'PROJECT_MANAGER' },
    });
    expect(history[1]?.details).toMatchObject({ developerId: developer.id, billetType: 'FIX' });
    const closed = (
      await context.call(manager, 'GET', `/api/v1/tickets/${ticket.id}`)
    ).json<TicketResponse>();
    expect(history.at(-1)?.at).toBe(closed.closedAt);
  });

  it('audits every step once, under the step kind, with the request id of the decision', async () => {
    const ticket = await newTicket();
    const requestId = `req-${randomUUID()}`;
    await context.call(
      manager,
      'POST',
      `/api/v1/tickets/${ticket.id}/reject`,
      { reason: 'Works as designed' },
      { 'x-request-id': requestId },
    );
    const { rows } = await context.db.query<{ action: string; reason: string; request_id: string }>(
      `SELECT action, reason, request_id FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      [ticket.id],
    );
    expect(rows).toEqual([
      { action: 'ticket.created', reason: null, request_id: expect.any(String) },
      {
        action: 'ticket.rejected',
        reason: 'Works as designed',
        request_id: requestId,
      },
    ]);
  });
});

describe('ticket events on JetStream (SPEC §8)', () => {
  it('publishes ticket.created, resolved, reopened, closed once each, and rejected once', async () => {
    const ticket = await newTicket();
    await resolveTicket(context, ticket, { manager, developer });
    await post(ticket, 'reopen', { reason: 'Not fixed' });
    await post(ticket, 'close'); // refused (REPORT_NOT_VALIDATED): no event
    const billetId = (await historyOf(ticket)).find((entry) => entry.kind === 'billet.issued')
      ?.details.billetId as string;
    await resolveTicket(context, ticket, { manager, developer }, billetId);
    await post(ticket, 'close');
    const rejected = await newTicket();
    await post(rejected, 'reject', { reason: 'Duplicate' });

    const expected = [
      'ticket.created',
      'ticket.resolved',
      'ticket.reopened',
      'ticket.resolved',
      'ticket.closed',
    ];
    await eventually(() => expect(collector.ofTickets(ticket.id)).toHaveLength(5), {
      timeoutMs: 15_000,
    });
    await eventually(() => expect(collector.ofTickets(rejected.id)).toHaveLength(2));
    await settle();
    const events = collector.ofTickets(ticket.id);
    expect(events.map((event) => event.envelope.type)).toEqual(expected);
    expect(events.map((event) => event.subject)).toEqual(
      expected.map((type) => `maintenance.${type}`),
    );
    for (const event of [...events, ...collector.ofTickets(rejected.id)]) {
      expect(event.messageId).toBe(event.envelope.id);
    }
    expect(new Set(events.map((event) => event.envelope.id)).size).toBe(5);
    expect(events.at(-1)?.envelope).toMatchObject({
      version: 1,
      actor: { id: manager.id, role: 'PROJECT_MANAGER' },
      projectId: project.id,
      ticketId: ticket.id,
      data: { ticket: { id: ticket.id, number: ticket.number, status: 'CLOSED' } },
    });
    expect(collector.ofTickets(rejected.id).map((event) => event.envelope)).toMatchObject([
      { type: 'ticket.created' },
      { type: 'ticket.rejected', data: { reason: 'Duplicate', ticket: { status: 'REJECTED' } } },
    ]);
  });
});

describe('the recordTicketStep activity', () => {
  const stepFor = (ticket: TicketResponse): TicketStepInput => ({
    stepId: randomUUID(),
    ticketId: ticket.id,
    projectId: ticket.projectId,
    actor: { id: manager.id, role: 'PROJECT_MANAGER' },
    occurredAt: new Date().toISOString(),
    requestId: 'req-activity-test',
    kind: 'ticket.rejected',
    reason: 'Out of scope',
    lifecycle: {
      status: 'REJECTED',
      billable: false,
      rejectionReason: 'Out of scope',
      assigneeId: null,
      validatedReportId: null,
      firstBilletAt: null,
      resolvedAt: null,
      closedAt: null,
      rejectedAt: new Date().toISOString(),
    },
    event: 'ticket.rejected',
    details: {},
  });

  it('called twice with the same input writes one history row, one audit row and one event', async () => {
    const { activities } = context.app.get<ActivityWorker<TicketsActivities>>(ActivityWorker);
    const ticket = await newTicket();
    const step = stepFor(ticket);
    await activities.recordTicketStep(step);
    await Promise.all([activities.recordTicketStep(step), activities.recordTicketStep(step)]);

    expect(
      await count('SELECT count(*)::int AS count FROM ticket_history WHERE id = $1', step.stepId),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS count FROM audit_log WHERE entity_id = $1 AND action = 'ticket.rejected'`,
        ticket.id,
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS count FROM outbox_events WHERE envelope->>'ticketId' = $1 AND envelope->>'type' = 'ticket.rejected'`,
        ticket.id,
      ),
    ).toBe(1);
    await eventually(() => expect(collector.ofTickets(ticket.id)).toHaveLength(2));
    await settle();
    expect(collector.ofTickets(ticket.id).map((event) => event.envelope.type)).toEqual([
      'ticket.created',
      'ticket.rejected',
    ]);
  });

  it('fails for good, typed NOT_FOUND, for a ticket that does not exist (no retry would help)', async () => {
    const { activities } = context.app.get<ActivityWorker<TicketsActivities>>(ActivityWorker);
    const ticket = await newTicket();
    const failure = await activities
      .recordTicketStep({ ...stepFor(ticket), ticketId: randomUUID() })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'NOT_FOUND', nonRetryable: true });
  });
});

describe('a decision retried with the same Idempotency-Key', () => {
  it('is applied once by the workflow, even when it reaches the use case twice', async () => {
    const ticket = await newTicket();
    await resolveTicket(context, ticket, { manager, developer });
    const reopen = context.app.get(ReopenTicketUseCase);
    const caller = {
      id: manager.id,
      role: manager.role,
      requestId: 'req-retried',
      authorization: await context.authorization(manager),
      idempotencyKey: 'reopen-once',
    };
    // As after a first attempt that timed out (503 releases the key) and is sent again.
    const first = await reopen.execute(caller, ticket.id, { reason: 'Not fixed' });
    const retried = await reopen.execute(caller, ticket.id, { reason: 'Not fixed' });
    expect(first.status).toBe('IN_PROGRESS');
    expect(retried.status).toBe('IN_PROGRESS');
    expect(
      (await historyOf(ticket)).filter((entry) => entry.kind === 'ticket.reopened'),
    ).toHaveLength(1);
  });
});
