import { type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker, type State, type WorkerOptions } from '@temporalio/worker';

export interface TemporalWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  /** The module Temporal bundles for workflow tasks; omitted by activity-only workers. */
  workflowsPath?: string;
  /** How to bundle `workflowsPath`, e.g. from TypeScript sources. */
  bundlerOptions?: WorkerOptions['bundlerOptions'];
  /** Activity functions by name; their names are what the Web UI shows. */
  activities?: object;
}

/** How long a readiness probe may wait for the Temporal server. */
const PROBE_DEADLINE_MS = 1_000;

/**
 * A Temporal worker with its own connection, built by hand rather than by Nest (Nest's DI never
 * reaches workflow code): Nest only sees the finished object, to stop it when the app closes.
 *
 * `run()` polls for the life of the process; `onApplicationShutdown` (SIGTERM, SIGINT,
 * `app.close()`) asks the worker to finish its tasks, waits for `run()` to return, then closes
 * the connection.
 */
export class TemporalWorker implements OnApplicationShutdown {
  private running: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly connection: NativeConnection,
    private readonly worker: Worker,
  ) {}

  /** Connects (and bundles the workflow code, if any); throws if the server is unreachable. */
  static async create(options: TemporalWorkerOptions): Promise<TemporalWorker> {
    const { address, ...workerOptions } = options;
    const connection = await NativeConnection.connect({ address });
    try {
      const worker = await Worker.create({ connection, ...workerOptions });
      return new TemporalWorker(connection, worker);
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

  /**
   * `GET /ready` checks of a process whose Temporal side is this worker (the workflow worker's):
   * `temporal`, the server answers on the worker's own connection; `worker:<task queue>`, the
   * worker polls. A service already checks the server through `TemporalModule`.
   */
  readinessChecks(): { name: string; check: () => Promise<void> }[] {
    return [
      { name: 'temporal', check: () => this.pingServer() },
      {
        name: `worker:${this.taskQueue}`,
        check: async () => {
          if (this.state !== 'RUNNING') throw new Error(`worker is ${this.state}`);
        },
      },
    ];
  }

  /** Idempotent: a second close (signal, then `app.close()`) waits for the first. */
  onApplicationShutdown(): Promise<void> {
    this.stopping ??= this.stop();
    return this.stopping;
  }

  private async stop(): Promise<void> {
    try {
      // A worker that never ran still holds its connection (closing it would throw): it is run
      // only to be shut down at once.
      const running = this.run();
      // The Runtime may already be stopping it (a signal it listens to): shut down only once.
      if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
      // A worker that failed has said so through `run()` already; closing must still finish.
      await running.catch(() => undefined);
    } finally {
      await this.connection.close();
    }
  }
}
