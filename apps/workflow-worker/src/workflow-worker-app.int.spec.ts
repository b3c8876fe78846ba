import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from '@mg/shared-config';
import { progressQuery, ticketLifecycleWorkflowId } from '@mg/ticket-lifecycle-workflow';
import { workflowWorkerConfigSchema } from './workflow-worker.config';
import { createWorkflowWorkerApp, type WorkflowWorkerApp } from './workflow-worker-app';

const config = loadConfig(workflowWorkerConfigSchema, {
  LOG_LEVEL: 'silent',
  TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
  TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE,
});

// The SDK's own lines would drown the test report; failures still show.
Runtime.install({ logger: new DefaultLogger('WARN') });

const { TASK_QUEUE_TYPE_WORKFLOW } = temporal.api.enums.v1.TaskQueueType;

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('workflow worker', () => {
  let client: Connection;
  let started: WorkflowWorkerApp;
  let running: Promise<void>;
  const prefix = `worker-app-test-${randomUUID()}-`;
  const taskQueue = `${prefix}ticket-lifecycle`;

  const get = (url: string) => started.app.getHttpAdapter().getInstance().inject({ url });

  /** The identities of the workers the server sees polling the queue for workflow tasks. */
  const pollers = async () => {
    const { pollers } = await client.workflowService.describeTaskQueue({
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: { name: taskQueue },
      taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
    });
    return (pollers ?? []).map((poller) => poller.identity);
  };

  beforeAll(async () => {
    client = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    // Bundling the workflow code takes a few seconds.
    started = await createWorkflowWorkerApp({ ...config, TEMPORAL_PREFIX: prefix });
  }, 60_000);

  afterAll(async () => {
    await started?.app.close();
    await client?.close();
  });

  it('is alive before it polls, but not ready', async () => {
    expect((await get('/health')).json()).toEqual({ status: 'ok', service: 'workflow-worker' });
    const response = await get('/ready');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      checks: { temporal: 'up', [`worker:${taskQueue}`]: 'down: worker is INITIALIZED' },
    });
  });

  it('polls its task queue once running, and is then ready', async () => {
    running = started.worker.run();
    expect(await eventually(pollers, (identities) => identities.length > 0)).toContain(
      started.worker.identity,
    );
    const response = await get('/ready');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      checks: { temporal: 'up', [`worker:${taskQueue}`]: 'up' },
    });
  });

  it('runs ticket workflows, registered under their readable type name', async () => {
    const workflows = new Client({ connection: client, namespace: config.TEMPORAL_NAMESPACE });
    const number = `MAINT-TEST-${randomUUID()}`;
    const handle = await workflows.workflow.start('ticketLifecycleWorkflow', {
      taskQueue,
      workflowId: ticketLifecycleWorkflowId(number),
      args: [{ ticketId: randomUUID(), number, projectId: randomUUID(), billable: false }],
    });
    try {
      expect((await handle.query(progressQuery)).lifecycle.status).toBe('OPEN');
      expect((await handle.describe()).type).toBe('ticketLifecycleWorkflow');
    } finally {
      await handle.terminate('test finished');
    }
  });

  it('shuts down cleanly when the app closes: run() returns and the worker is stopped', async () => {
    await started.app.close();
    await expect(running).resolves.toBeUndefined();
    expect(started.worker.state).toBe('STOPPED');
  });
});

describe('workflow worker without Temporal', () => {
  it('refuses to start rather than run without a server', async () => {
    await expect(
      createWorkflowWorkerApp({ ...config, TEMPORAL_ADDRESS: '127.0.0.1:1' }),
    ).rejects.toThrow();
  });
});
