import { type Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import { TEST_TEMPORAL_ADDRESS } from '@mg/shared-testing';
import {
  ticketLifecycleWorkflowId,
  type TicketLifecycleTaskQueues,
  type TicketsActivities,
  type TicketStepInput,
} from '@mg/ticket-lifecycle-workflow';
import {
  bundleTicketLifecycleWorkflows,
  recordingActivities,
} from '@mg/ticket-lifecycle-workflow/testing';
import { type FakeOwners } from './fake-owners';

const NAMESPACE = process.env.TEMPORAL_NAMESPACE ?? 'default';

/**
 * What runs beside the service under test on the real Temporal server, on the test's own task
 * queues: the ticket-lifecycle workflow (bundled from its sources) and a stand-in for the tickets
 * service's activity, which records each step and mirrors it onto the fake tickets service.
 * The service's own activities run in its own activity worker, as in production.
 */
export class LifecycleWorkers {
  private constructor(
    private readonly connection: NativeConnection,
    private readonly workers: Worker[],
    private readonly running: Promise<unknown>,
    private readonly calls: { name: string; input: unknown }[],
  ) {}

  static async start(options: {
    taskQueues: TicketLifecycleTaskQueues;
    owners: FakeOwners;
    workflowBundle?: WorkflowBundle;
  }): Promise<LifecycleWorkers> {
    const workflowBundle = options.workflowBundle ?? (await bundleTicketLifecycleWorkflows());
    const connection = await NativeConnection.connect({ address: TEST_TEMPORAL_ADDRESS });
    const { activities, calls } = recordingActivities();
    const tickets: TicketsActivities = {
      async recordTicketStep(input) {
        await activities.recordTicketStep(input);
        options.owners.applyStep(input);
      },
    };
    const workers = [
      await Worker.create({
        connection,
        namespace: NAMESPACE,
        taskQueue: options.taskQueues.workflow,
        workflowBundle,
      }),
      await Worker.create({
        connection,
        namespace: NAMESPACE,
        taskQueue: options.taskQueues.tickets,
        activities: tickets,
      }),
    ];
    const running = Promise.all(workers.map((worker) => worker.run()));
    return new LifecycleWorkers(connection, workers, running, calls);
  }

  /** Every step the workflow recorded on tickets, in order (retries included). */
  get ticketSteps(): TicketStepInput[] {
    return this.calls
      .filter((call) => call.name === 'recordTicketStep')
      .map((call) => call.input as TicketStepInput);
  }

  /** Ends the tickets' workflows, so none is left running on the shared server. */
  static async terminate(client: Client, numbers: readonly string[]): Promise<void> {
    await Promise.all(
      numbers.map((number) =>
        client.workflow
          .getHandle(ticketLifecycleWorkflowId(number))
          .terminate('test finished')
          .catch(() => undefined),
      ),
    );
  }

  async stop(): Promise<void> {
    for (const worker of this.workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    await this.running;
    await this.connection.close();
  }
}
