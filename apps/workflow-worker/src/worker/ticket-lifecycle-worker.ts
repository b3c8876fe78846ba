import { type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker, type State } from '@temporalio/worker';
import {
  TICKET_LIFECYCLE_TASK_QUEUE,
  TICKET_LIFECYCLE_WORKFLOWS_PATH,
} from '@mg/ticket-lifecycle-workflow';

export interface TicketLifecycleWorkerOptions {
  address: string;
  namespace: string;
  /** Tests poll a queue of their own; the process always uses `ticket-lifecycle`. */
  taskQueue?: string;
}

/** How long a readiness probe may wait for the Temporal server. */
const PROBE_DEADLINE_MS = 1_000;

/**
 * The Temporal worker of the `ticket-lifecycle` task queue, with its own connection. Built by
 * hand, not by Nest: Nest only sees the finished object, to stop it when the app closes.
 *
 * `run()` is awaited by `main` for the life of the process; `onApplicationShutdown` (SIGTERM,
 * SIGINT, `app.close()`) asks the worker to finish its tasks, waits for `run()` to return, then
 * closes the connection.
 */
export class TicketLifecycleWorker implements OnApplicationShutdown {
  private running: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly connection: NativeConnection,
    private readonly worker: Worker,
  ) {}

  /** Connects and bundles the workflow code; throws if the server is unreachable. */
  static async create(options: TicketLifecycleWorkerOptions): Promise<TicketLifecycleWorker> {
    const connection = await NativeConnection.connect({ address: options.address });
    try {
      const worker = await Worker.create({
        connection,
        namespace: options.namespace,
        taskQueue: options.taskQueue ?? TICKET_LIFECYCLE_TASK_QUEUE,
        workflowsPath: TICKET_LIFECYCLE_WORKFLOWS_PATH,
      });
      return new TicketLifecycleWorker(connection, worker);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  get taskQueue(): string {
    return this.worker.options.taskQueue;
  }

  /** Sent to the server with every poll; how the server tells this worker from others. */
  get identity(): string {
    return this.worker.options.identity;
  }

  get state(): State {
    return this.worker.getState();
  }

  /** Polls until shut down; resolves once every task in flight has finished. */
  run(): Promise<void> {
    this.running ??= this.worker.run();
    return this.running;
  }

  /** Answers when the server does: a cheap call on the worker's own connection. */
  async pingServer(): Promise<void> {
    await this.connection.withDeadline(Date.now() + PROBE_DEADLINE_MS, () =>
      this.connection.workflowService.getSystemInfo({}),
    );
  }

  /** Idempotent: a second close (signal, then `app.close()`) waits for the first. */
  onApplicationShutdown(): Promise<void> {
    this.stopping ??= this.stop();
    return this.stopping;
  }

  private async stop(): Promise<void> {
    try {
      // The Runtime may already be stopping it (a signal it listens to): shut down only once.
      if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
      await this.running;
    } finally {
      await this.connection.close();
    }
  }
}
