import { Client } from 'pg';
import { EventCollector } from '@mg/shared-messaging/testing';
import { eventually, TEST_NATS_SERVERS } from '@mg/shared-testing';
import { RunningSystem } from './support/running-system';

// The workflow worker is killed (SIGKILL, no goodbye) in the middle of a ticket's lifecycle,
// while a request waits on it. Once it is back, the lifecycle finishes, and every row and every
// event exists exactly once: Temporal replays the workflow, the activities are idempotent, and
// the outbox publishes each event under its own id.

jest.setTimeout(180_000);

let system: RunningSystem;
let events: EventCollector;
const tokens: Record<'pm' | 'dev', string> = { pm: '', dev: '' };

beforeAll(async () => {
  events = await EventCollector.start({ servers: TEST_NATS_SERVERS });
  system = await RunningSystem.start();
  tokens.pm = await system.token('pm@demo.local');
  tokens.dev = await system.token('jean.dupont@demo.local');
});

afterAll(async () => {
  await system?.stop();
  await events?.stop();
});

const call = (who: keyof typeof tokens, method: string, path: string, body?: unknown) =>
  system.api(method, path, { token: tokens[who], body });

async function count(database: string, sql: string, values: unknown[]): Promise<number> {
  const client = new Client({ connectionString: database });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(sql, values);
    return Number(rows[0]?.count);
  } finally {
    await client.end();
  }
}

async function openCoveredTicket(): Promise<{ ticketId: string; developerId: string }> {
  const developerId = (await call('dev', 'GET', '/me')).body.id as string;
  const managerId = (await call('pm', 'GET', '/me')).body.id as string;
  const project = await call('pm', 'POST', '/projects', {
    name: `Resilience ${Date.now()}`,
    memberIds: [managerId, developerId],
  });
  const today = new Date().toISOString().slice(0, 10);
  const contract = await call('pm', 'POST', '/contracts', {
    projectId: project.body.id,
    type: 'CORRECTIVE',
    startDate: today,
    endDate: `${new Date().getUTCFullYear() + 1}-12-31`,
    slaHours: 24,
    coverage: 'Everything',
  });
  const ticket = await call('pm', 'POST', '/tickets', {
    projectId: project.body.id,
    contractId: contract.body.id,
    title: 'Checkout fails',
    description: 'HTTP 500 on payment',
    severity: 'CRITICAL',
    origin: 'MONITORING',
  });
  expect({ project: project.body, contract: contract.body, ticket: ticket.body }).toMatchObject({
    ticket: { status: 'OPEN' },
  });
  return { ticketId: ticket.body.id, developerId };
}

describe('a workflow worker killed in the middle of a lifecycle', () => {
  it('finishes the lifecycle once restarted, with every row and event exactly once', async () => {
    const { ticketId, developerId } = await openCoveredTicket();
    const billet = await call('pm', 'POST', '/billets', {
      ticketId,
      developerId,
      type: 'FIX',
      estimatedHours: 2,
    });
    expect({ status: billet.status, body: billet.body }).toMatchObject({
      status: 201,
      body: { ticketId },
    });

    await system.kill('workflow-worker');
    // Waits on the workflow: nobody runs it until the worker is back.
    const pending = call('dev', 'POST', '/interventions', {
      billetId: billet.body.id,
      actions: 'Rotated the payment API key',
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      hoursSpent: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    system.startApp('workflow-worker');
    const intervention = await pending;
    expect({ status: intervention.status, body: intervention.body }).toMatchObject({
      status: 201,
      body: { billetId: billet.body.id },
    });

    const report = await call('dev', 'POST', '/reports', {
      interventionId: intervention.body.id,
      rootCause: 'Expired API key',
      solution: 'Rotated it and added an expiry alert',
    });
    expect(report.status).toBe(201);
    expect((await call('pm', 'POST', `/reports/${report.body.id}/validate`, {})).status).toBe(200);
    const closed = await call('pm', 'POST', `/tickets/${ticketId}/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('CLOSED');

    const interventionsDb = system.databaseUrls.interventions;
    const rows = await Promise.all([
      count(interventionsDb, 'SELECT count(*) FROM billets WHERE ticket_id = $1', [ticketId]),
      count(
        interventionsDb,
        `SELECT count(*) FROM interventions i JOIN billets b ON b.id = i.billet_id
          WHERE b.ticket_id = $1`,
        [ticketId],
      ),
      count(
        interventionsDb,
        `SELECT count(*) FROM technical_reports r JOIN interventions i ON i.id = r.intervention_id
          JOIN billets b ON b.id = i.billet_id WHERE b.ticket_id = $1`,
        [ticketId],
      ),
    ]);
    expect(rows).toEqual([1, 1, 1]);
    const history = await call('pm', 'GET', `/tickets/${ticketId}/history`);
    expect(history.body.items.map((step: { kind: string }) => step.kind)).toEqual([
      'ticket.created',
      'billet.issued',
      'intervention.recorded',
      'report.submitted',
      'report.validated',
      'ticket.closed',
    ]);

    await eventually(
      async () => {
        const types = events.ofTickets(ticketId).map((event) => event.envelope.type);
        expect([...types].sort()).toEqual(
          [
            'billet.issued',
            'intervention.recorded',
            'report.submitted',
            'report.validated',
            'ticket.closed',
            'ticket.created',
            'ticket.resolved',
          ].sort(),
        );
      },
      { timeoutMs: 15_000 },
    );
  });
});
