import { type LightMyRequestResponse } from 'fastify';
import { type TestUser } from '@mg/shared-testing';
import { type TicketResponse } from './http/ticket-responses';
import { type FakeProject } from './test-fixtures/fake-contracts';
import {
  aTicketBody,
  createTicket,
  resolveTicket,
  startWork,
} from './test-fixtures/ticket-scenarios';
import { startTicketsService, type TicketsTestContext } from './test-fixtures/tickets-test-harness';

// Bundling the workflow and creating a database take a while; each ticket runs a real workflow.
jest.setTimeout(90_000);

let context: TicketsTestContext;
let manager: TestUser;
let developer: TestUser;
let project: FakeProject;
let contractId: string;

beforeAll(async () => {
  context = await startTicketsService('tickets_lifecycle');
  manager = context.newUser('PROJECT_MANAGER');
  developer = context.newUser('DEVELOPER');
  project = context.contracts.addProject([manager.id, developer.id]);
  contractId = context.contracts.addContract(project.id).id;
});

afterAll(async () => {
  await context?.dispose();
});

afterEach(() => context.setClockOffsetHours(0));

type Status = TicketResponse['status'];
const people = () => ({ manager, developer });

/** A covered ticket brought to `status` through the real workflow. */
async function ticketIn(status: Status): Promise<TicketResponse> {
  const ticket = await createTicket(context, manager, aTicketBody(project.id, { contractId }));
  if (status === 'IN_PROGRESS') await startWork(context, ticket, people());
  if (status === 'RESOLVED' || status === 'CLOSED') await resolveTicket(context, ticket, people());
  if (status === 'CLOSED') await decide(ticket, 'close');
  if (status === 'REJECTED') await decide(ticket, 'reject', 'Not a defect');
  return read(ticket);
}

const decide = (
  ticket: TicketResponse,
  decision: 'close' | 'reject' | 'reopen',
  reason?: string,
  headers?: Record<string, string>,
): Promise<LightMyRequestResponse> =>
  context.call(
    manager,
    'POST',
    `/api/v1/tickets/${ticket.id}/${decision}`,
    reason === undefined ? {} : { reason },
    headers,
  );

const read = async (ticket: TicketResponse): Promise<TicketResponse> =>
  (await context.call(manager, 'GET', `/api/v1/tickets/${ticket.id}`)).json<TicketResponse>();

const historyKinds = async (ticket: TicketResponse): Promise<string[]> =>
  (await context.call(manager, 'GET', `/api/v1/tickets/${ticket.id}/history`))
    .json<{ items: { kind: string }[] }>()
    .items.map((entry) => entry.kind);

describe('R9 status transitions', () => {
  it('OPEN → IN_PROGRESS when the first billet is issued, assigned to its developer', async () => {
    const ticket = await ticketIn('IN_PROGRESS');
    expect(ticket).toMatchObject({ status: 'IN_PROGRESS', assigneeId: developer.id });
    expect(ticket.firstBilletAt).not.toBeNull();
  });

  it('IN_PROGRESS → RESOLVED when a technical report is validated', async () => {
    const ticket = await ticketIn('RESOLVED');
    expect(ticket.status).toBe('RESOLVED');
    expect(ticket.validatedReportId).not.toBeNull();
    expect(ticket.resolvedAt).not.toBeNull();
  });

  it('RESOLVED → CLOSED by POST /close, answering the ticket as stored', async () => {
    const ticket = await ticketIn('RESOLVED');
    const response = await decide(ticket, 'close');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CLOSED', processable: false });
    expect(response.json<TicketResponse>().closedAt).not.toBeNull();
    expect(response.json<TicketResponse>().progress).toMatchObject({ availableCommands: [] });
    expect((await read(ticket)).status).toBe('CLOSED');
  });

  it('RESOLVED → CLOSED by a POST /close without any body', async () => {
    const ticket = await ticketIn('RESOLVED');
    const response = await context.call(manager, 'POST', `/api/v1/tickets/${ticket.id}/close`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CLOSED' });
  });

  it('RESOLVED → IN_PROGRESS by POST /reopen, which clears the validated report', async () => {
    const ticket = await ticketIn('RESOLVED');
    const response = await decide(ticket, 'reopen', 'The client still sees the error');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'IN_PROGRESS',
      validatedReportId: null,
      resolvedAt: null,
    });
  });

  it.each(['OPEN', 'IN_PROGRESS'] as const)(
    '%s → REJECTED by POST /reject, with the reason',
    async (status) => {
      const ticket = await ticketIn(status);
      const response = await decide(ticket, 'reject', '  Duplicate of MAINT-00001  ');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'REJECTED',
        rejectionReason: 'Duplicate of MAINT-00001',
        processable: false,
      });
    },
  );

  const refused: [Status, 'close' | 'reject' | 'reopen', string][] = [
    ['OPEN', 'reopen', 'INVALID_TRANSITION'],
    ['IN_PROGRESS', 'reopen', 'INVALID_TRANSITION'],
    ['RESOLVED', 'reject', 'INVALID_TRANSITION'],
    ['CLOSED', 'close', 'INVALID_TRANSITION'],
    ['CLOSED', 'reject', 'INVALID_TRANSITION'],
    ['CLOSED', 'reopen', 'INVALID_TRANSITION'],
    ['REJECTED', 'close', 'INVALID_TRANSITION'],
    ['REJECTED', 'reject', 'INVALID_TRANSITION'],
    ['REJECTED', 'reopen', 'INVALID_TRANSITION'],
  ];

  it.each(refused)(
    'refuses to %s → %s with 409 %s, changing nothing',
    async (status, decision, code) => {
      const ticket = await ticketIn(status);
      const history = await historyKinds(ticket);
      const response = await decide(ticket, decision, decision === 'close' ? undefined : 'Because');
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code });
      expect((await read(ticket)).status).toBe(status);
      expect(await historyKinds(ticket)).toEqual(history);
    },
  );
});

describe('R10 closure needs a validated technical report', () => {
  it.each(['OPEN', 'IN_PROGRESS'] as const)(
    'refuses to close an %s ticket with 409 REPORT_NOT_VALIDATED',
    async (status) => {
      const ticket = await ticketIn(status);
      const response = await decide(ticket, 'close');
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'REPORT_NOT_VALIDATED' });
      expect((await read(ticket)).status).toBe(status);
    },
  );

  it('refuses to close a reopened ticket until a new report is validated', async () => {
    const ticket = await ticketIn('RESOLVED');
    await decide(ticket, 'reopen', 'Not fixed');
    expect((await decide(ticket, 'close')).json()).toMatchObject({ code: 'REPORT_NOT_VALIDATED' });
    const billetId = context.interventionCalls
      .map((call) => call.input as { ticketId: string; billetId?: string })
      .find((input) => input.ticketId === ticket.id && input.billetId)?.billetId;
    await resolveTicket(context, ticket, people(), billetId);
    expect((await decide(ticket, 'close')).statusCode).toBe(200);
  });
});

describe('two concurrent closes of a RESOLVED ticket', () => {
  it('let exactly one through (200) and refuse the other (409)', async () => {
    const ticket = await ticketIn('RESOLVED');
    const responses = await Promise.all([decide(ticket, 'close'), decide(ticket, 'close')]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect((await historyKinds(ticket)).filter((kind) => kind === 'ticket.closed')).toHaveLength(1);
  });
});

describe('R8 elapsedHours', () => {
  it('keeps counting while the ticket is open', async () => {
    const ticket = await ticketIn('OPEN');
    context.setClockOffsetHours(5);
    expect((await read(ticket)).elapsedHours).toBeCloseTo(ticket.elapsedHours + 5, 1);
  });

  it.each(['CLOSED', 'REJECTED'] as const)('is frozen once the ticket is %s', async (status) => {
    const ticket = await ticketIn(status);
    const frozen = ticket.elapsedHours;
    context.setClockOffsetHours(5);
    expect((await read(ticket)).elapsedHours).toBe(frozen);
    context.setClockOffsetHours(500);
    expect((await read(ticket)).elapsedHours).toBe(frozen);
  });
});

describe('R7 processable', () => {
  it('is true for a covered open ticket and false once it is rejected or closed, and for a billable one', async () => {
    expect((await ticketIn('OPEN')).processable).toBe(true);
    expect((await ticketIn('IN_PROGRESS')).processable).toBe(true);
    expect((await ticketIn('RESOLVED')).processable).toBe(true);
    expect((await ticketIn('REJECTED')).processable).toBe(false);
    expect((await ticketIn('CLOSED')).processable).toBe(false);
    const billable = await createTicket(context, manager, aTicketBody(project.id));
    expect(billable.processable).toBe(false);
  });
});

describe('a rejection needs a reason', () => {
  it.each([
    ['no reason', {}],
    ['an empty reason', { reason: '   ' }],
    ['a reason of 2001 characters', { reason: 'x'.repeat(2001) }],
    ['a reason that is not text', { reason: 42 }],
    ['an unknown field', { reason: 'ok', force: true }],
  ])('answers 400 for %s and changes nothing', async (_case, body) => {
    const ticket = await ticketIn('OPEN');
    const response = await context.call(
      manager,
      'POST',
      `/api/v1/tickets/${ticket.id}/reject`,
      body,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await read(ticket)).toMatchObject({ status: 'OPEN', rejectionReason: null });
    expect(await historyKinds(ticket)).toEqual(['ticket.created']);
  });

  it('answers 400 for a close carrying any field, and changes nothing', async () => {
    const ticket = await ticketIn('RESOLVED');
    const response = await decide(ticket, 'close', 'because');
    expect(response.statusCode).toBe(400);
    expect((await read(ticket)).status).toBe('RESOLVED');
  });

  it('accepts 2000 characters', async () => {
    const ticket = await ticketIn('OPEN');
    expect((await decide(ticket, 'reject', 'x'.repeat(2000))).statusCode).toBe(200);
  });
});

describe('Idempotency-Key on a decision', () => {
  it('replays the first answer and records the step once', async () => {
    const ticket = await ticketIn('OPEN');
    const headers = { 'idempotency-key': `reject-${ticket.id}` };
    const first = await decide(ticket, 'reject', 'Duplicate', headers);
    const again = await decide(ticket, 'reject', 'Duplicate', headers);
    expect(first.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(await historyKinds(ticket)).toEqual(['ticket.created', 'ticket.rejected']);
  });
});
