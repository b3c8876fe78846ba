import { Client } from 'pg';
import { EventCollector } from '@mg/shared-messaging/testing';
import {
  eventually,
  type SignedInUser,
  startTcpProxy,
  type TcpProxy,
  TEST_NATS_SERVERS,
} from '@mg/shared-testing';
import {
  aContractBody,
  type ContractsTestContext,
  createProject,
  startContractsService,
} from './test-fixtures/contracts-test-harness';

// A throw-away database is created and migrated first; events take a moment to arrive.
jest.setTimeout(60_000);

let context: ContractsTestContext;
let nats: TcpProxy;
let collector: EventCollector;
let pm: SignedInUser;

beforeAll(async () => {
  const server = new URL(TEST_NATS_SERVERS.split(',')[0] ?? '');
  // The service reaches NATS through a relay the test can cut, like a NATS outage.
  nats = await startTcpProxy(Number(server.port), server.hostname);
  collector = await EventCollector.start({
    servers: TEST_NATS_SERVERS,
    subjects: 'maintenance.contract.>',
  });
  context = await startContractsService('contracts_events', {
    env: { NATS_URL: `nats://127.0.0.1:${nats.port}` },
  });
  pm = await context.newUser('PROJECT_MANAGER');
});

afterAll(async () => {
  await context?.dispose();
  await collector?.stop();
  await nats?.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

/** Each event exactly once: one message per event id, whatever the relay re-sent. */
const expectOncePerId = (events: { messageId?: string; envelope: { id: string } }[]) => {
  const ids = events.map((event) => event.envelope.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const event of events) expect(event.messageId).toBe(event.envelope.id);
};

describe('contract events on JetStream (SPEC §8)', () => {
  it('publishes contract.created and contract.updated once each, with the SPEC envelope', async () => {
    const { id: projectId } = await createProject(context, pm);
    const created = await context.call(pm, 'POST', '/api/v1/contracts', aContractBody(projectId));
    const contractId = created.json<{ id: string }>().id;
    await context.call(pm, 'PATCH', `/api/v1/contracts/${contractId}`, { slaHours: 8 });

    await eventually(() => expect(collector.ofProjects(projectId)).toHaveLength(2), {
      timeoutMs: 10_000,
    });
    await settle();
    const events = collector.ofProjects(projectId);
    expect(events).toHaveLength(2);
    expectOncePerId(events);
    expect(events.map((event) => [event.subject, event.envelope.type])).toEqual([
      ['maintenance.contract.created', 'contract.created'],
      ['maintenance.contract.updated', 'contract.updated'],
    ]);
    expect(events[0]?.envelope).toMatchObject({
      version: 1,
      actor: { id: pm.id, role: 'PROJECT_MANAGER' },
      projectId,
      data: { contract: { id: contractId, startDate: '2026-01-01', slaHours: 24 } },
    });
    expect(events[1]?.envelope.data).toMatchObject({
      contract: { slaHours: 8 },
      changedFields: ['slaHours'],
    });
  });

  it('publishes no event for a refused change', async () => {
    const { id: projectId } = await createProject(context, pm);
    await context.call(pm, 'POST', '/api/v1/contracts', aContractBody(projectId));
    await context.call(pm, 'POST', '/api/v1/contracts', aContractBody(projectId));
    await eventually(() => expect(collector.ofProjects(projectId)).toHaveLength(1));
    await settle();
    expect(collector.ofProjects(projectId)).toHaveLength(1);
  });

  it('keeps events written while NATS is unreachable and publishes them once it is back', async () => {
    const { id: projectId } = await createProject(context, pm);
    nats.interrupt();
    try {
      const created = await context.call(pm, 'POST', '/api/v1/contracts', aContractBody(projectId));
      expect(created.statusCode).toBe(201);
      await settle();
      expect(collector.ofProjects(projectId)).toEqual([]);
    } finally {
      nats.restore();
    }
    await eventually(() => expect(collector.ofProjects(projectId)).toHaveLength(1), {
      timeoutMs: 40_000,
      intervalMs: 250,
    });
  });

  it('drops a re-publish of an already published event (same message id)', async () => {
    const { id: projectId } = await createProject(context, pm);
    await context.call(pm, 'POST', '/api/v1/contracts', aContractBody(projectId));
    await eventually(() => expect(collector.ofProjects(projectId)).toHaveLength(1));
    // As after a crash between JetStream's ack and the outbox commit: the row looks unpublished.
    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      const reset = await database.query(
        `UPDATE outbox_events SET published_at = NULL WHERE envelope->>'projectId' = $1`,
        [projectId],
      );
      expect(reset.rowCount).toBe(1);
      await eventually(async () => {
        const { rows } = await database.query<{ published: boolean }>(
          `SELECT published_at IS NOT NULL AS published FROM outbox_events
           WHERE envelope->>'projectId' = $1`,
          [projectId],
        );
        expect(rows).toEqual([{ published: true }]);
      });
    } finally {
      await database.end();
    }
    await settle();
    expect(collector.ofProjects(projectId)).toHaveLength(1);
  });
});
