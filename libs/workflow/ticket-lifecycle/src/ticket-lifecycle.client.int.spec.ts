import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { DomainError } from '@mg/shared-kernel';
import { eventually, startTcpProxy } from '@mg/shared-testing';
import { ticketLifecycleTaskQueues } from './index';
import { TicketLifecycleClient } from './ticket-lifecycle.client';
import {
  closeUpdate,
  issueBilletUpdate,
  recordInterventionUpdate,
  rejectUpdate,
  reopenUpdate,
  submitReportUpdate,
  ticketLifecycleWorkflowId,
  type TicketLifecycleInput,
  validateReportUpdate,
} from './ticket-lifecycle.definitions';
import {
  bundleTicketLifecycleWorkflows,
  createTestClient,
  createTestWorker,
  developer,
  manager,
  recordingActivities,
  TEMPORAL_ADDRESS,
} from './test-fixtures/ticket-lifecycle.harness';
import { billet, report, work } from './test-fixtures/ticket-lifecycle.scenarios';

// Workers without workflows or activities warn about it: expected here.
Runtime.install({ logger: new DefaultLogger('ERROR') });

/** Queues of this file only, each polled by its own worker as in the running system. */
const queues = ticketLifecycleTaskQueues(`test-${randomUUID()}-`);
const { activities, calls } = recordingActivities();

let connection: NativeConnection;
let client: Client;
let clientConnection: Connection;
let workers: { worker: Worker; running: Promise<void> }[] = [];
let lifecycle: TicketLifecycleClient;

beforeAll(async () => {
  const workflowBundle = await bundleTicketLifecycleWorkflows();
  connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  ({ client, connection: clientConnection } = await createTestClient());
  const created = await Promise.all([
    createTestWorker({ connection, taskQueue: queues.workflow, workflowBundle }),
    createTestWorker({ connection, taskQueue: queues.tickets, activities }),
    createTestWorker({ connection, taskQueue: queues.interventions, activities }),
  ]);
  workers = created.map((worker) => ({ worker, running: worker.run() }));
  lifecycle = new TicketLifecycleClient(client, { taskQueues: queues });
}, 60_000);

afterAll(async () => {
  await Promise.all(
    tickets.map((ticket) =>
      client.workflow
        .getHandle(ticketLifecycleWorkflowId(ticket.number))
        .terminate('test finished')
        .catch(() => undefined),
    ),
  );
  for (const { worker } of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
  await Promise.all(workers.map(({ running }) => running));
  await connection?.close();
  await clientConnection?.close();
});

/** Every ticket of the file, so that afterAll leaves no workflow of theirs running. */
const tickets: TicketLifecycleInput[] = [];
const newTicket = (): TicketLifecycleInput => {
  const ticket = {
    ticketId: randomUUID(),
    number: `MAINT-TEST-${randomUUID()}`,
    projectId: randomUUID(),
    billable: false,
  };
  tickets.push(ticket);
  return ticket;
};

/** Every run ever started under the ticket's workflow id. */
const runsOf = async (ticket: TicketLifecycleInput): Promise<string[]> => {
  const runs: string[] = [];
  const query = `WorkflowId = '${ticketLifecycleWorkflowId(ticket.number)}'`;
  for await (const execution of client.workflow.list({ query })) runs.push(execution.runId);
  return runs;
};

const statusOf = async (ticket: TicketLifecycleInput) =>
  (await client.workflow.getHandle(ticketLifecycleWorkflowId(ticket.number)).describe()).status
    .name;

async function domainErrorOf(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError))
    throw new Error(`Expected a DomainError, got ${String(error)}`);
  return error;
}

const callsFor = (ticket: TicketLifecycleInput, name: string) =>
  calls.filter(
    (call) =>
      call.name === name && (call.input as { ticketId: string }).ticketId === ticket.ticketId,
  );

async function resolveThroughClient(ticket: TicketLifecycleInput): Promise<void> {
  const { billetId } = await lifecycle.update(ticket, issueBilletUpdate, {
    actor: manager,
    ...billet,
  });
  const { interventionId } = await lifecycle.update(ticket, recordInterventionUpdate, {
    actor: developer,
    ...work(billetId),
  });
  const { reportId } = await lifecycle.update(ticket, submitReportUpdate, {
    actor: developer,
    ...report(interventionId),
  });
  await lifecycle.update(ticket, validateReportUpdate, { actor: manager, reportId });
}

describe('TicketLifecycleClient', () => {
  it('starts a ticket’s workflow once, however often asked', async () => {
    const ticket = newTicket();
    expect(await lifecycle.start(ticket)).toBe(true);
    expect(await lifecycle.start(ticket)).toBe(true);
    expect(await statusOf(ticket)).toBe('RUNNING');
    await eventually(async () => expect(await runsOf(ticket)).toHaveLength(1));
  });

  it('starts the workflow of a ticket that never had one, then applies the update', async () => {
    const ticket = newTicket();
    const issued = await lifecycle.update(ticket, issueBilletUpdate, { actor: manager, ...billet });
    expect(issued.progress).toMatchObject({
      ticketId: ticket.ticketId,
      lifecycle: { status: 'IN_PROGRESS', assigneeId: developer.id },
      billets: [{ id: issued.billetId, developerId: developer.id }],
    });
    expect(callsFor(ticket, 'issueBillet')).toHaveLength(1);
    await eventually(async () => expect(await runsOf(ticket)).toHaveLength(1));
  });

  it('answers a refusal as the DomainError the workflow’s rule threw, field errors included', async () => {
    const ticket = newTicket();
    const unresolved = await domainErrorOf(
      lifecycle.update(ticket, closeUpdate, { actor: manager }),
    );
    expect(unresolved).toMatchObject({ code: 'REPORT_NOT_VALIDATED' });

    const blank = await domainErrorOf(
      lifecycle.update(ticket, rejectUpdate, { actor: manager, reason: '  ' }),
    );
    expect(blank).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'reason', message: expect.any(String) }],
    });
    expect(await statusOf(ticket)).toBe('RUNNING');
  });

  it('refuses any update once the lifecycle ended (REJECTED or CLOSED) with INVALID_TRANSITION, and starts no new run', async () => {
    const rejected = newTicket();
    await lifecycle.update(rejected, rejectUpdate, { actor: manager, reason: 'Duplicate' });
    const closed = newTicket();
    await resolveThroughClient(closed);
    await lifecycle.update(closed, closeUpdate, { actor: manager });

    for (const ticket of [rejected, closed]) {
      await eventually(async () => expect(await statusOf(ticket)).toBe('COMPLETED'));
      const late = await domainErrorOf(
        lifecycle.update(ticket, reopenUpdate, { actor: manager, reason: 'Still broken' }),
      );
      expect(late).toMatchObject({ code: 'INVALID_TRANSITION' });
      expect(await lifecycle.start(ticket)).toBe(false);
      expect(await statusOf(ticket)).toBe('COMPLETED');
      expect(await runsOf(ticket)).toHaveLength(1);
    }
  }, 30_000);

  it('replaces the workflow another ticket left under the same number (a database reset restarts numbering)', async () => {
    const ended = newTicket();
    await lifecycle.update(ended, rejectUpdate, { actor: manager, reason: 'Duplicate' });
    await eventually(async () => expect(await statusOf(ended)).toBe('COMPLETED'));
    const running = newTicket();
    expect(await lifecycle.start(running)).toBe(true);

    for (const stale of [ended, running]) {
      const reborn = { ...stale, ticketId: randomUUID() };
      tickets.push(reborn);
      expect(await lifecycle.start(reborn)).toBe(true);
      expect(await statusOf(reborn)).toBe('RUNNING');
      expect(await runsOf(reborn)).toHaveLength(2);
      expect((await lifecycle.progress(reborn.number))?.ticketId).toBe(reborn.ticketId);
      // Starting it again finds it: idempotent for the new ticket.
      expect(await lifecycle.start(reborn)).toBe(true);
      expect(await runsOf(reborn)).toHaveLength(2);
    }
  }, 30_000);

  it('applies an update sent twice with the same updateId once, and answers both alike', async () => {
    const ticket = newTicket();
    const updateId = `${manager.id}:${randomUUID()}:POST /billets`;
    const send = () =>
      lifecycle.update(ticket, issueBilletUpdate, { actor: manager, ...billet }, { updateId });
    // Concurrently on a ticket whose workflow is not started yet, then once more later.
    const [first, second] = await Promise.all([send(), send()]);
    const third = await send();
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(callsFor(ticket, 'issueBillet')).toHaveLength(1);
    expect(callsFor(ticket, 'recordTicketStep')).toHaveLength(1);
  });

  it('answers a retry of the update that ended the lifecycle with its first answer', async () => {
    const ticket = newTicket();
    await resolveThroughClient(ticket);
    const updateId = `${manager.id}:${randomUUID()}:POST /tickets/close`;
    const close = () => lifecycle.update(ticket, closeUpdate, { actor: manager }, { updateId });
    const first = await close();
    await eventually(async () => expect(await statusOf(ticket)).toBe('COMPLETED'));
    expect(await close()).toEqual(first);
    expect(first.progress.lifecycle.status).toBe('CLOSED');
    expect(callsFor(ticket, 'recordTicketStep').slice(-1)).toEqual([
      expect.objectContaining({ input: expect.objectContaining({ kind: 'ticket.closed' }) }),
    ]);
    const other = await domainErrorOf(
      lifecycle.update(ticket, closeUpdate, { actor: manager }, { updateId: randomUUID() }),
    );
    expect(other).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('answers SERVICE_UNAVAILABLE within about updateTimeoutMs when no worker runs the workflow', async () => {
    const unserved = new TicketLifecycleClient(client, {
      taskQueues: ticketLifecycleTaskQueues(`test-unserved-${randomUUID()}-`),
      updateTimeoutMs: 1_000,
      queryTimeoutMs: 1_000,
    });
    const ticket = newTicket();
    const started = Date.now();
    const error = await domainErrorOf(
      unserved.update(ticket, rejectUpdate, { actor: manager, reason: 'Duplicate' }),
    );
    const waited = Date.now() - started;
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(3_000);
    expect(await unserved.progress(ticket.number)).toBeNull();
  });

  it('answers SERVICE_UNAVAILABLE within about updateTimeoutMs when Temporal drops after boot', async () => {
    const [host, port] = TEMPORAL_ADDRESS.split(':');
    const proxy = await startTcpProxy(Number(port), host);
    const viaProxy = await Connection.connect({ address: `127.0.0.1:${proxy.port}` });
    try {
      const cutOff = new TicketLifecycleClient(new Client({ connection: viaProxy }), {
        taskQueues: queues,
        updateTimeoutMs: 1_000,
      });
      proxy.interrupt();
      for (const call of [
        () => cutOff.start(newTicket()),
        () => cutOff.update(newTicket(), closeUpdate, { actor: manager }),
      ]) {
        const started = Date.now();
        expect(await domainErrorOf(call())).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
        expect(Date.now() - started).toBeLessThan(3_000);
      }
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });

  it('reads the progress of a ticket, and null for a ticket it does not know', async () => {
    const ticket = newTicket();
    await lifecycle.start(ticket);
    expect(await lifecycle.progress(ticket.number)).toMatchObject({
      number: ticket.number,
      lifecycle: { status: 'OPEN' },
      availableCommands: ['issueBillet', 'reject'],
    });
    expect(await lifecycle.progress(`MAINT-UNKNOWN-${randomUUID()}`)).toBeNull();
  });
});
