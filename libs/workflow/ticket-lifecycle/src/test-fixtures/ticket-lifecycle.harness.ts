import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { type ApplicationFailure } from '@temporalio/common';
import {
  bundleWorkflowCode,
  DefaultLogger,
  type NativeConnection,
  Worker,
  type WorkflowBundle,
} from '@temporalio/worker';
import { type Actor } from '@mg/interventions-domain';
import { TEST_TEMPORAL_ADDRESS } from '@mg/shared-testing';
import {
  type InterventionsActivities,
  type TicketsActivities,
} from '../ticket-lifecycle.activities';
import {
  TICKET_LIFECYCLE_BUNDLER_OPTIONS,
  TICKET_LIFECYCLE_WORKFLOWS_PATH,
} from '../ticket-lifecycle.bundle';

/** Both services' activities, served by one test worker on one queue. */
export type TicketLifecycleActivities = TicketsActivities & InterventionsActivities;

/**
 * Test support for the ticket-lifecycle workflow against the real Temporal server: a worker
 * bundled from the TypeScript sources, and activities that only remember their calls (the
 * services' writes are tested in the services).
 */
export const TEMPORAL_ADDRESS = TEST_TEMPORAL_ADDRESS;
export const NAMESPACE = process.env.TEMPORAL_NAMESPACE ?? 'default';

export const developer: Actor = { id: 'b2a4c1c8-0000-4000-8000-000000000001', role: 'DEVELOPER' };
export const manager: Actor = {
  id: 'b2a4c1c8-0000-4000-8000-000000000002',
  role: 'PROJECT_MANAGER',
};

export type ActivityCall = { name: keyof TicketLifecycleActivities; input: unknown };

/**
 * Stand-ins for both services' activities that record every call (retries included) and answer
 * what the services would, echoing the ids the workflow generated. `overrides` replace an
 * activity's answer (a warning, a failure…); its calls are recorded all the same.
 */
export function recordingActivities(overrides: Partial<TicketLifecycleActivities> = {}): {
  activities: TicketLifecycleActivities;
  calls: ActivityCall[];
} {
  const calls: ActivityCall[] = [];
  let billets = 0;
  const defaults: TicketLifecycleActivities = {
    // The tickets service answers nothing: the step is written or it throws.
    recordTicketStep: () => Promise.resolve(),
    async issueBillet(input) {
      return { billetId: input.billetId, number: `BILLET-${String(++billets).padStart(5, '0')}` };
    },
    async recordIntervention(input) {
      return { interventionId: input.interventionId, warnings: [] };
    },
    async submitReport(input) {
      return { reportId: input.reportId };
    },
    async validateReport(input) {
      return {
        reportId: input.reportId,
        validatedById: input.actor.id,
        validatedAt: input.occurredAt,
      };
    },
  };
  const implementation = { ...defaults, ...overrides };
  const recorded = <Name extends keyof TicketLifecycleActivities>(name: Name) =>
    ((input: never) => {
      calls.push({ name, input });
      return (implementation[name] as (input: never) => unknown)(input);
    }) as TicketLifecycleActivities[Name];
  // The worker registers (and the Web UI shows) each activity under its key.
  const activities: TicketLifecycleActivities = {
    recordTicketStep: recorded('recordTicketStep'),
    issueBillet: recorded('issueBillet'),
    recordIntervention: recorded('recordIntervention'),
    submitReport: recorded('submitReport'),
    validateReport: recorded('validateReport'),
  };
  return { activities, calls };
}

/**
 * Bundled once per test file, from the workspace libraries' TypeScript sources (as Jest reads
 * them), so no prior build is needed.
 */
export function bundleTicketLifecycleWorkflows(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath: TICKET_LIFECYCLE_WORKFLOWS_PATH,
    logger: new DefaultLogger('WARN'),
    ...TICKET_LIFECYCLE_BUNDLER_OPTIONS,
  });
}

export function createTestWorker(options: {
  connection: NativeConnection;
  taskQueue: string;
  workflowBundle?: WorkflowBundle;
  activities?: Partial<TicketLifecycleActivities>;
}): Promise<Worker> {
  return Worker.create({ ...options, namespace: NAMESPACE });
}

export async function createTestClient(): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address: TEMPORAL_ADDRESS });
  return { client: new Client({ connection, namespace: NAMESPACE }), connection };
}

/** The domain code an update was refused with (its `ApplicationFailure` type). */
export async function refusalOf(update: Promise<unknown>): Promise<string | undefined> {
  try {
    await update;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      return (error.cause as ApplicationFailure | undefined)?.type ?? undefined;
    }
    throw error;
  }
  throw new Error('The update was accepted');
}
