import {
  type Connection,
  type ConnectionOptions,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
} from '@temporalio/client';

type Interceptor = NonNullable<ConnectionOptions['interceptors']>[number];

/** Longer than the longest single retry delay of the SDK's default policy (5 s + 20 % jitter). */
export const RETRY_DRAIN_MS = 6_500;

/**
 * The SDK's gRPC retries, made safe to shut down. A retry is a timer; if the connection closes
 * before it fires, the retry throws "Channel has been shut down" from inside the timer and takes
 * the process (or a test file) down. So once `stop()` is called no new retry is scheduled, and
 * the connection is closed only after the already scheduled ones have fired.
 */
export class ClosableRetries {
  private stopping = false;
  private readonly defaults = defaultGrpcRetryOptions();

  readonly interceptor: Interceptor = makeGrpcRetryInterceptor({
    delayFunction: (attempt, status) => this.defaults.delayFunction(attempt, status),
    retryableDecider: (attempt, status) =>
      !this.stopping && this.defaults.retryableDecider(attempt, status),
  });

  /** Stops retrying now and closes the connection once pending retries are done. */
  closeWhenDrained(connection: Connection): void {
    this.stopping = true;
    // Unref'd: a process that is exiting anyway does not wait for it.
    setTimeout(() => void connection.close().catch(() => undefined), RETRY_DRAIN_MS).unref();
  }
}
