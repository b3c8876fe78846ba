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
import { type TicketLifecycleActivities } from '../ticket-lifecycle.activities';

/**
 * Test support for the ticket-lifecycle workflow against the real Temporal server: a worker
 * bundled from the TypeScript sources, and activities that only remember their calls (the
 * services' writes are tested in the services).
 */
export const TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
export const NAMESPACE = process.env.TEMPORAL_NAMESPACE ?? 'default';

export const developer: Actor = { id: 'b2a4c1c8-0000-4000-8000-000000000001', role: 'DEVELOPER' };
export const manager: Actor = {
  id: 'b2a4c1c8-0000-4000-8000-000000000002',
  role: 'PROJECT_MANAGER',
};

export type ActivityCall = { name: keyof TicketLifecycleActivities; input: unknown };

export function recordingActivities(): {
  activities: TicketLifecycleActivities;
  calls: ActivityCall[];
} {
  const calls: ActivityCall[] = [];
  let sequence = 0;
  const nextId = (prefix: string) => `${prefix}-${++sequence}`;
  const activities: TicketLifecycleActivities = {
    async recordTicketTransition(input) {
      calls.push({ name: 'recordTicketTransition', input });
    },
    async issueBillet(input) {
      calls.push({ name: 'issueBillet', input });
      return { billetId: nextId('billet'), number: `BILLET-0000${sequence}` };
    },
    async recordIntervention(input) {
      calls.push({ name: 'recordIntervention', input });
      return { interventionId: nextId('intervention'), warnings: [] };
    },
    async submitReport(input) {
      calls.push({ name: 'submitReport', input });
      return { reportId: nextId('report') };
    },
    async validateReport(input) {
      calls.push({ name: 'validateReport', input });
    },
  };
  return { activities, calls };
}

/**
 * Bundled once per test file, from the workspace libraries' TypeScript sources (as Jest reads
 * them), so no prior build is needed.
 */
export function bundleTicketLifecycleWorkflows(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        conditionNames: [
          '@mg/source',
          'webpack',
          'browser',
          'import',
          'require',
          'module',
          'default',
        ],
      },
    }),
  });
}

export function createTestWorker(options: {
  connection: NativeConnection;
  taskQueue: string;
  workflowBundle: WorkflowBundle;
  activities: TicketLifecycleActivities;
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
