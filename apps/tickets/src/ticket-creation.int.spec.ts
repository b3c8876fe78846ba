import { type TestUser } from '@mg/shared-testing';
import { parseTicketNumber } from '@mg/tickets-domain';
import { type TicketResponse } from './http/ticket-responses';
import { dayFromToday, type FakeProject } from './test-fixtures/fake-contracts';
import { aTicketBody, createTicket } from './test-fixtures/ticket-scenarios';
import { startTicketsService, type TicketsTestContext } from './test-fixtures/tickets-test-harness';

// Bundling the workflow and creating a database take a while.
jest.setTimeout(60_000);

let context: TicketsTestContext;
let support: TestUser;
let project: FakeProject;

beforeAll(async () => {
  context = await startTicketsService('tickets_creation');
  support = context.newUser('SUPPORT');
  project = context.contracts.addProject([support.id]);
});

afterAll(async () => {
  await context?.dispose();
});

const countRows = async (sql: string, ...values: unknown[]) =>
  (await context.db.query<{ count: number }>(sql, values)).rows[0]?.count;

describe('POST /tickets', () => {
  it('R5: 25 concurrent creations get 25 distinct, consecutive, increasing MAINT numbers', async () => {
    const created = await Promise.all(
      Array.from({ length: 25 }, () => createTicket(context, support, aTicketBody(project.id))),
    );
    const sequences = created.map((ticket) => parseTicketNumber(ticket.number) as number);
    expect(new Set(sequences).size).toBe(25);
    const first = Math.min(...sequences);
    expect([...sequences].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => first + i),
    );
    // Increasing: in the order the database committed them, numbers only go up.
    const { rows } = await context.db.query<{ number: string }>(
      'SELECT number FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY created_at, sequence',
      [created.map((ticket) => ticket.id)],
    );
    const committed = rows.map((row) => parseTicketNumber(row.number) as number);
    expect(committed).toEqual([...committed].sort((a, b) => a - b));
  });

  it('R6: without a contract the ticket is billable, with no reason', async () => {
    const ticket = await createTicket(context, support, aTicketBody(project.id));
    expect(ticket).toMatchObject({
      status: 'OPEN',
      contractId: null,
      billable: true,
      processable: false,
      rejectionReason: null,
      slaDeadline: null,
      slaBreached: false,
      escalations: [],
      createdById: support.id,
    });
  });

  it('R6: with a contract active today the ticket is free, with its SLA deadline', async () => {
    const contract = context.contracts.addContract(project.id, { slaHours: 4 });
    const ticket = await createTicket(
      context,
      support,
      aTicketBody(project.id, { contractId: contract.id }),
    );
    expect(ticket).toMatchObject({
      contractId: contract.id,
      billable: false,
      processable: true,
      rejectionReason: null,
    });
    expect(Date.parse(ticket.slaDeadline ?? '') - Date.parse(ticket.createdAt)).toBe(4 * 3_600_000);
  });

  it('R6: with a contract that is not active today the ticket is billable, "Warranty contract expired"', async () => {
    for (const dates of [
      { startDate: dayFromToday(-400), endDate: dayFromToday(-1) },
      { startDate: dayFromToday(1), endDate: dayFromToday(300) },
    ]) {
      const contract = context.contracts.addContract(project.id, { type: 'EVOLUTIVE', ...dates });
      const ticket = await createTicket(
        context,
        support,
        aTicketBody(project.id, { contractId: contract.id }),
      );
      expect(ticket).toMatchObject({
        billable: true,
        processable: false,
        rejectionReason: 'Warranty contract expired',
        slaDeadline: null,
      });
    }
  });

  it('R6: a contract of another project is refused with 422 CONTRACT_PROJECT_MISMATCH, nothing written', async () => {
    const other = context.contracts.addProject([support.id]);
    const contract = context.contracts.addContract(other.id);
    const before = await countRows('SELECT count(*)::int AS count FROM tickets');
    const response = await context.call(
      support,
      'POST',
      '/api/v1/tickets',
      aTicketBody(project.id, { contractId: contract.id }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'CONTRACT_PROJECT_MISMATCH' });
    expect(await countRows('SELECT count(*)::int AS count FROM tickets')).toBe(before);
  });

  it('answers 404 for a project, or a contract, the caller cannot see', async () => {
    const hidden = context.contracts.addProject([]);
    const hiddenContract = context.contracts.addContract(hidden.id);
    for (const body of [
      aTicketBody(hidden.id),
      aTicketBody(project.id, { contractId: hiddenContract.id }),
    ]) {
      const response = await context.call(support, 'POST', '/api/v1/tickets', body);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('answers 503 while the contracts service cannot be reached', async () => {
    context.contracts.goDown();
    try {
      const response = await context.call(
        support,
        'POST',
        '/api/v1/tickets',
        aTicketBody(project.id),
      );
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      context.contracts.comeBack();
    }
  });

  it('writes the creation history entry and audit row with the ticket, and starts its workflow', async () => {
    const ticket = await createTicket(context, support, aTicketBody(project.id));
    const history = await context.call(support, 'GET', `/api/v1/tickets/${ticket.id}/history`);
    expect(history.json()).toEqual({
      items: [
        {
          id: expect.any(String),
          kind: 'ticket.created',
          actor: { id: support.id, role: 'SUPPORT' },
          at: ticket.createdAt,
          reason: null,
          statusAfter: 'OPEN',
          details: expect.objectContaining({ number: ticket.number, billable: true }),
        },
      ],
    });
    expect(
      await countRows(
        `SELECT count(*)::int AS count FROM audit_log WHERE entity_id = $1 AND action = 'ticket.created'`,
        ticket.id,
      ),
    ).toBe(1);
    const read = await context.call(support, 'GET', `/api/v1/tickets/${ticket.id}`);
    expect(read.json<TicketResponse>().progress).toMatchObject({
      lifecycle: { status: 'OPEN' },
      availableCommands: expect.arrayContaining(['reject']),
    });
  });

  it('replays the first answer for a repeated Idempotency-Key instead of opening a second ticket', async () => {
    const headers = { 'idempotency-key': `create-${Date.now()}` };
    const body = aTicketBody(project.id, { title: 'Only once' });
    const first = await context.call(support, 'POST', '/api/v1/tickets', body, headers);
    const again = await context.call(support, 'POST', '/api/v1/tickets', body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(
      await countRows(`SELECT count(*)::int AS count FROM tickets WHERE title = 'Only once'`),
    ).toBe(1);
  });
});

describe('bad input is a 400 problem+json, never a 500', () => {
  const expectBadRequest = (response: {
    statusCode: number;
    headers: Record<string, unknown>;
    json: () => unknown;
  }) => {
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400 });
  };

  it.each([
    ['no title', { title: undefined }],
    ['an empty title', { title: '   ' }],
    ['a title of 201 characters', { title: 'x'.repeat(201) }],
    ['an unknown severity', { severity: 'BLOCKER' }],
    ['an unknown origin', { origin: 'EMAIL' }],
    ['a projectId that is not a UUID', { projectId: 'project-1' }],
    ['a contractId that is not a UUID', { contractId: 42 }],
    ['a field the system decides', { billable: false }],
    ['a number for the description', { description: 12 }],
  ])('POST /tickets with %s', async (_case, overrides) => {
    const body = JSON.parse(JSON.stringify(aTicketBody(project.id, overrides))) as object;
    expectBadRequest(await context.call(support, 'POST', '/api/v1/tickets', body));
  });

  it('POST /tickets with a body that is not a JSON object', async () => {
    for (const payload of ['not json', '[1,2]', 'null']) {
      const response = await context.call(support, 'POST', '/api/v1/tickets', payload, {
        'content-type': 'application/json',
      });
      expect(`${payload} → ${response.statusCode}`).toBe(`${payload} → 400`);
    }
  });

  it.each([
    'limit=0',
    'limit=101',
    'limit=ten',
    'status=DONE',
    'severity=BLOCKER',
    'billable=maybe',
    'projectId=nope',
    'cursor=not-a-cursor',
    'owner=me',
  ])('GET /tickets?%s', async (query) => {
    expectBadRequest(await context.call(support, 'GET', `/api/v1/tickets?${query}`));
  });

  it.each(['', 'projectId=nope', 'projectId='])('GET /stats?%s', async (query) => {
    expectBadRequest(await context.call(support, 'GET', `/api/v1/stats?${query}`));
  });

  it('GET /tickets/:id with an id that is not a UUID is simply not found', async () => {
    const response = await context.call(support, 'GET', '/api/v1/tickets/MAINT-00001');
    expect(response.statusCode).toBe(404);
  });
});
