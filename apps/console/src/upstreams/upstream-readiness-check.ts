import { type ReadinessCheck } from '@mg/shared-http';

/** `fetch failed` says nothing; its cause (ECONNREFUSED, a timeout) says what happened. */
const reasonOf = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  return error instanceof Error ? error.message : String(error);
};

/**
 * The console is ready when every service it forwards to is ready: a `GET <service>/ready` that
 * answers 200 before the deadline.
 */
export class UpstreamReadinessCheck implements ReadinessCheck {
  constructor(
    readonly name: string,
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async check(): Promise<void> {
    const url = `${this.baseUrl}/ready`;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new Error(`${url}: ${reasonOf(error)}`);
    }
    // The body is small but must be read, or the connection stays busy until collected.
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  }
}
