import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { TEST_TEMPORAL_ADDRESS, unusedPort } from '@mg/shared-testing';
import { TemporalWorker, type TemporalWorkerOptions } from './temporal-worker';
import { type greetingWorkflow } from './test-fixtures/greeting.workflow';

// Workers without workflows or without activities warn about it: expected here.
Runtime.install({ logger: new DefaultLogger('ERROR') });

const GREETING_WORKFLOWS = require.resolve('./test-fixtures/greeting.workflow');
const greet = async (name: string) => `Hello, ${name}`;

let connection: Connection;
let client: Client;

beforeAll(async () => {
  connection = await Connection.connect({ address: TEST_TEMPORAL_ADDRESS });
  client = new Client({ connection, namespace: 'default' });
});

afterAll(async () => {
  await connection?.close();
});

const workerOn = (taskQueue: string, options: Partial<TemporalWorkerOptions>) =>
  TemporalWorker.create({
    address: TEST_TEMPORAL_ADDRESS,
    namespace: 'default',
    taskQueue,
    ...options,
  });

const greeting = (name: string, workflowQueue: string, activityQueue: string) =>
  client.workflow.execute<typeof greetingWorkflow>('greetingWorkflow', {
    taskQueue: workflowQueue,
    workflowId: `greeting-${randomUUID()}`,
    args: [name, activityQueue],
  });

/** Each readiness check's outcome by name: 'up' or its error message. */
async function readiness(worker: TemporalWorker): Promise<Record<string, string>> {
  const outcomes = await Promise.all(
    worker.readinessChecks().map(async ({ name, check }) => {
      try {
        await check();
        return [name, 'up'];
      } catch (error) {
        return [name, `down: ${(error as Error).message}`];
      }
    }),
  );
  return Object.fromEntries(outcomes) as Record<string, string>;
}

describe('TemporalWorker', () => {
  it('runs workflows and activities, is ready only while it polls, and stops on shutdown', async () => {
    const taskQueue = `temporal-worker-test-${randomUUID()}`;
    const worker = await workerOn(taskQueue, {
      workflowsPath: GREETING_WORKFLOWS,
      activities: { greet },
    });
    expect(worker.taskQueue).toBe(taskQueue);
    expect(await readiness(worker)).toEqual({
      temporal: 'up',
      [`worker:${taskQueue}`]: 'down: worker is INITIALIZED',
    });

    const running = worker.run();
    expect(await greeting('Ada', taskQueue, taskQueue)).toBe('Hello, Ada');
    expect(await readiness(worker)).toEqual({ temporal: 'up', [`worker:${taskQueue}`]: 'up' });

    await worker.onApplicationShutdown();
    await expect(running).resolves.toBeUndefined();
    expect(worker.state).toBe('STOPPED');
    expect(await readiness(worker)).toMatchObject({
      [`worker:${taskQueue}`]: 'down: worker is STOPPED',
    });
  }, 60_000);

  it('serves only activities on its own queue, for a workflow that runs on another', async () => {
    const activityQueue = `temporal-worker-activities-${randomUUID()}`;
    const workflowQueue = `temporal-worker-workflows-${randomUUID()}`;
    const activityWorker = await workerOn(activityQueue, { activities: { greet } });
    const workflowWorker = await workerOn(workflowQueue, { workflowsPath: GREETING_WORKFLOWS });
    const running = [activityWorker.run(), workflowWorker.run()];
    try {
      expect(await greeting('Grace', workflowQueue, activityQueue)).toBe('Hello, Grace');
    } finally {
      await Promise.all([
        activityWorker.onApplicationShutdown(),
        workflowWorker.onApplicationShutdown(),
      ]);
    }
    await expect(Promise.all(running)).resolves.toEqual([undefined, undefined]);
  }, 60_000);

  it('shuts down cleanly, once, when closed before it ever ran', async () => {
    const worker = await workerOn(`temporal-worker-idle-${randomUUID()}`, {
      activities: { greet },
    });
    const closing = worker.onApplicationShutdown();
    expect(worker.onApplicationShutdown()).toBe(closing);
    await expect(closing).resolves.toBeUndefined();
    expect(worker.state).toBe('STOPPED');
  });

  it('refuses to be created when the server is unreachable', async () => {
    await expect(
      TemporalWorker.create({
        address: `127.0.0.1:${await unusedPort()}`,
        namespace: 'default',
        taskQueue: 'unreachable',
        activities: { greet },
      }),
    ).rejects.toThrow();
  });
});
