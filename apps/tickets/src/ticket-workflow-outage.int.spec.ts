import { type TicketResponse } from './http/ticket-responses';
import { aTicketBody } from './test-fixtures/ticket-scenarios';
import { startTicketsService, type TicketsTestContext } from './test-fixtures/tickets-test-harness';

// Bundling the workflow and creating a database take a while; Temporal is cut for a moment.
jest.setTimeout(90_000);

let context: TicketsTestContext;

beforeAll(async () => {
  context = await startTicketsService('tickets_outage', { temporalThroughProxy: true });
});

afterAll(async () => {
  await context?.dispose();
});

describe('a ticket whose workflow could not be started', () => {
  it('is still created (201) without waiting for Temporal, and its first decision starts the workflow', async () => {
    const manager = context.newUser('PROJECT_MANAGER');
    const project = context.contracts.addProject([manager.id]);
    const temporal = context.temporal;
    if (!temporal) throw new Error('the service should reach Temporal through the relay');

    temporal.interrupt();
    const startedAt = Date.now();
    let created;
    try {
      created = await context.call(manager, 'POST', '/api/v1/tickets', aTicketBody(project.id));
    } finally {
      temporal.restore();
    }
    expect(created.statusCode).toBe(201);
    // Well under the Temporal client's own retry budget (about 20 s).
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    const ticket = created.json<TicketResponse>();

    const rejected = await context.call(manager, 'POST', `/api/v1/tickets/${ticket.id}/reject`, {
      reason: 'Raised twice',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'REJECTED', rejectionReason: 'Raised twice' });
    const history = await context.call(manager, 'GET', `/api/v1/tickets/${ticket.id}/history`);
    expect(history.json<{ items: { kind: string }[] }>().items.map((entry) => entry.kind)).toEqual([
      'ticket.created',
      'ticket.rejected',
    ]);
  });
});
