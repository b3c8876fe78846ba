import {
  type Client,
  type Connection,
  type WorkflowHandleWithFirstExecutionRunId,
} from '@temporalio/client';
import { NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import {
  issueBilletUpdate,
  recordInterventionUpdate,
  submitReportUpdate,
  ticketLifecycleWorkflowId,
  type TicketLifecycleInput,
  validateReportUpdate,
} from '../ticket-lifecycle.definitions';
import { type ticketLifecycleWorkflow } from '../ticket-lifecycle.workflow';
import {
  type ActivityCall,
  bundleTicketLifecycleWorkflows,
  createTestClient,
  createTestWorker,
  developer,
  manager,
  recordingActivities,
  TEMPORAL_ADDRESS,
  type TicketLifecycleActivities,
} from './ticket-lifecycle.harness';

/**
 * Scenarios shared by the workflow's integration tests: one ticket, one worker, one queue. (Test
 * support, yet under the workflow lint rules: `crypto` is the global one, not `node:crypto`.)
 */
export type Handle = WorkflowHandleWithFirstExecutionRunId<typeof ticketLifecycleWorkflow>;

export interface TicketScenario {
  handle: Handle;
  calls: ActivityCall[];
  input: TicketLifecycleInput;
}

export interface TicketOptions {
  billable?: boolean;
  /** Stand-ins replacing the recording activities' answers. */
  activities?: Partial<TicketLifecycleActivities>;
  maxHistoryEvents?: number;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface TestEnv {
  client: Client;
  connection: NativeConnection;
  workflowBundle: WorkflowBundle;
}

/**
 * Sets up a test file: the workflow bundle (once), a worker connection and a client, closed
 * after all. `env` is filled in by `beforeAll`; `ticket` runs one scenario on it.
 */
export function useTicketLifecycleEnv(): {
  env: TestEnv;
  ticket: (
    scenario: (ticket: TicketScenario) => Promise<void>,
    options?: TicketOptions,
  ) => Promise<void>;
} {
  const env = {} as TestEnv;
  let clientConnection: Connection | undefined;
  beforeAll(async () => {
    env.workflowBundle = await bundleTicketLifecycleWorkflows();
    env.connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
    const created = await createTestClient();
    env.client = created.client;
    clientConnection = created.connection;
  }, 60_000);
  afterAll(async () => {
    await env.connection?.close();
    await clientConnection?.close();
  });
  return { env, ticket: (scenario, options) => withTicket(env, scenario, options) };
}

/**
 * Starts a ticket's workflow on a task queue of its own, and runs `scenario` while a worker polls
 * it, serving the workflow and both services' activities (the input points the activities there).
 */
export async function withTicket(
  env: TestEnv,
  scenario: (ticket: TicketScenario) => Promise<void>,
  options: TicketOptions = {},
): Promise<void> {
  const taskQueue = `ticket-lifecycle-test-${crypto.randomUUID()}`;
  const { activities, calls } = recordingActivities(options.activities);
  const worker = await createTestWorker({
    connection: env.connection,
    taskQueue,
    workflowBundle: env.workflowBundle,
    activities,
  });
  const number = `MAINT-TEST-${crypto.randomUUID()}`;
  const input: TicketLifecycleInput = {
    ticketId: crypto.randomUUID(),
    number,
    projectId: crypto.randomUUID(),
    billable: !!options.billable,
    activityTaskQueues: { tickets: taskQueue, interventions: taskQueue },
    maxHistoryEvents: options.maxHistoryEvents,
  };
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start<typeof ticketLifecycleWorkflow>(
      'ticketLifecycleWorkflow',
      { taskQueue, workflowId: ticketLifecycleWorkflowId(number), args: [input] },
    );
    try {
      await scenario({ handle, calls, input });
    } finally {
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('test finished');
    }
  });
}

export const billet = { developerId: developer.id, type: 'FIX' as const, estimatedHours: 4 };
export const work = (billetId: string, hoursSpent = 3) => ({
  billetId,
  actions: 'Patched the export job',
  startedAt: '2026-01-05T09:00:00Z',
  hoursSpent,
});
export const report = (interventionId: string) => ({
  interventionId,
  rootCause: 'A missing index',
  solution: 'Added the index',
});

/** Intervention → report → validation under an issued billet: leaves the ticket RESOLVED. */
export async function submitValidatedReport(handle: Handle, billetId: string): Promise<string> {
  const { interventionId } = await handle.executeUpdate(recordInterventionUpdate, {
    args: [{ actor: developer, ...work(billetId) }],
  });
  const { reportId } = await handle.executeUpdate(submitReportUpdate, {
    args: [{ actor: developer, ...report(interventionId) }],
  });
  await handle.executeUpdate(validateReportUpdate, { args: [{ actor: manager, reportId }] });
  return reportId;
}

/** Billet → intervention → report → validation: leaves the ticket RESOLVED. */
export async function resolve(handle: Handle): Promise<string> {
  const { billetId } = await handle.executeUpdate(issueBilletUpdate, {
    args: [{ actor: manager, ...billet }],
  });
  await submitValidatedReport(handle, billetId);
  return billetId;
}

/** The recorded `recordTicketStep` inputs, in order. */
export const stepsOf = (calls: ActivityCall[]) =>
  calls
    .filter(({ name }) => name === 'recordTicketStep')
    .map(({ input }) => input as { kind: string; stepId: string });
