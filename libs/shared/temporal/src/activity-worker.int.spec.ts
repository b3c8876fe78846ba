import { randomUUID } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { type ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DomainError } from '@mg/shared-kernel';
import { eventually, TEST_TEMPORAL_ADDRESS, unusedPort } from '@mg/shared-testing';
import { ActivityWorker, provideActivityWorker } from './activity-worker';
import { TemporalWorker } from './temporal-worker';
import { type greetingWorkflow } from './test-fixtures/greeting.workflow';

// Workers without workflows or without activities warn about it: expected here.
Runtime.install({ logger: new DefaultLogger('ERROR') });

const { TASK_QUEUE_TYPE_ACTIVITY } = temporal.api.enums.v1.TaskQueueType;

/** A Nest provider the activities are built from: DI reaches activities, never workflows. */
@Injectable()
class Greeter {
  /** Resolved by the test to let an activity in flight finish. */
  release: Promise<void> = Promise.resolve();
  readonly started: string[] = [];

  async greet(name: string): Promise<string> {
    if (name === '') throw new DomainError('VALIDATION_FAILED', 'Whom to greet?');
    this.started.push(name);
    await this.release;
    return `Hello, ${name}`;
  }
}

const serviceModule = (address: string, taskQueue: string) => {
  @Module({
    providers: [
      Greeter,
      provideActivityWorker({
        address,
        namespace: 'default',
        taskQueue,
        inject: [Greeter],
        activities: (greeter: Greeter) => ({ greet: (name: string) => greeter.greet(name) }),
      }),
    ],
  })
  class ServiceModule {}
  return ServiceModule;
};

const contextFor = (address: string, taskQueue: string) =>
  NestFactory.createApplicationContext(serviceModule(address, taskQueue), {
    logger: false,
    abortOnError: false,
  });

const readiness = (worker: ActivityWorker) =>
  Promise.all(worker.readinessChecks().map(({ check }) => check()));

let connection: Connection;
let client: Client;
let workflowQueue: string;
let workflowWorker: TemporalWorker;
let workflowsRunning: Promise<void>;

beforeAll(async () => {
  connection = await Connection.connect({ address: TEST_TEMPORAL_ADDRESS });
  client = new Client({ connection, namespace: 'default' });
  // The workflows run elsewhere, as the workflow worker runs them for the services.
  workflowQueue = `activity-worker-workflows-${randomUUID()}`;
  workflowWorker = await TemporalWorker.create({
    address: TEST_TEMPORAL_ADDRESS,
    namespace: 'default',
    taskQueue: workflowQueue,
    workflowsPath: require.resolve('./test-fixtures/greeting.workflow'),
  });
  workflowsRunning = workflowWorker.run();
}, 60_000);

afterAll(async () => {
  await workflowWorker?.onApplicationShutdown();
  await workflowsRunning;
  await connection?.close();
});

const startGreeting = (name: string, activityQueue: string) =>
  client.workflow.start<typeof greetingWorkflow>('greetingWorkflow', {
    taskQueue: workflowQueue,
    workflowId: `greeting-${randomUUID()}`,
    args: [name, activityQueue],
  });

/** The identities polling the queue for activity tasks, as the server sees them. */
async function activityPollers(taskQueue: string): Promise<string[]> {
  const { pollers } = await connection.workflowService.describeTaskQueue({
    namespace: 'default',
    taskQueue: { name: taskQueue },
    taskQueueType: TASK_QUEUE_TYPE_ACTIVITY,
  });
  return (pollers ?? []).map(({ identity }) => identity ?? '');
}

describe('ActivityWorker', () => {
  it('is not ready before the app has booted', async () => {
    const worker = new ActivityWorker(
      { address: TEST_TEMPORAL_ADDRESS, namespace: 'default', taskQueue: 'never-booted' },
      {},
    );
    expect(worker.readinessChecks().map(({ name }) => name)).toEqual([
      'activity-worker:never-booted',
    ]);
    await expect(readiness(worker)).rejects.toThrow('not started');
  });

  it('polls its queue once the app has booted, with activities built by Nest, and is ready', async () => {
    const taskQueue = `activity-worker-test-${randomUUID()}`;
    const app = await contextFor(TEST_TEMPORAL_ADDRESS, taskQueue);
    try {
      await eventually(async () => expect(await activityPollers(taskQueue)).not.toEqual([]));
      await expect(readiness(app.get(ActivityWorker))).resolves.toBeDefined();
      const handle = await startGreeting('Ada', taskQueue);
      expect(await handle.result()).toBe('Hello, Ada');
      expect(app.get(Greeter).started).toEqual(['Ada']);
    } finally {
      await app.close();
    }
  }, 30_000);

  it("turns an activity's DomainError into a non-retryable failure typed by its code", async () => {
    const taskQueue = `activity-worker-test-${randomUUID()}`;
    const app = await contextFor(TEST_TEMPORAL_ADDRESS, taskQueue);
    try {
      const failure = await (await startGreeting('', taskQueue)).result().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      const refusal = ((failure as WorkflowFailedError).cause as ActivityFailure).cause;
      expect(refusal).toBeInstanceOf(ApplicationFailure);
      expect(refusal).toMatchObject({ type: 'VALIDATION_FAILED', nonRetryable: true });
    } finally {
      await app.close();
    }
  }, 30_000);

  it('stops on app.close() after finishing the activity in flight, and is then not ready', async () => {
    const taskQueue = `activity-worker-test-${randomUUID()}`;
    const app = await contextFor(TEST_TEMPORAL_ADDRESS, taskQueue);
    const worker = app.get(ActivityWorker);
    const greeter = app.get(Greeter);
    let release!: () => void;
    greeter.release = new Promise<void>((resolve) => {
      release = resolve;
    });

    const handle = await startGreeting('Grace', taskQueue);
    await eventually(() => expect(greeter.started).toEqual(['Grace']));
    const closeStarted = Date.now();
    const closing = app.close();
    setTimeout(release, 300);
    await closing;
    // Closing waited for the activity rather than abandoning it.
    expect(Date.now() - closeStarted).toBeGreaterThanOrEqual(290);

    expect(await handle.result()).toBe('Hello, Grace');
    await expect(readiness(worker)).rejects.toThrow('worker is STOPPED');
  }, 30_000);

  it('fails the boot when the Temporal server cannot be reached', async () => {
    await expect(
      contextFor(`127.0.0.1:${await unusedPort()}`, `activity-worker-test-${randomUUID()}`),
    ).rejects.toThrow();
  });
});
