import { type Connection } from '@temporalio/client';

/**
 * `GET /ready` check for Temporal: one `GetSystemInfo` call with a gRPC deadline, so an
 * unreachable server fails the check within `timeoutMs` instead of waiting on retries.
 */
export class TemporalReadinessCheck {
  readonly name = 'temporal';

  constructor(
    private readonly connection: Connection,
    private readonly timeoutMs = 1_000,
  ) {}

  async check(): Promise<void> {
    await this.connection.withDeadline(Date.now() + this.timeoutMs, () =>
      this.connection.workflowService.getSystemInfo({}),
    );
  }
}
