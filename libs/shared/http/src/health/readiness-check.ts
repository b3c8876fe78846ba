/**
 * One dependency a service needs before it can serve traffic (its database, Temporal, NATS).
 * `check` resolves when the dependency answers and rejects with a short reason otherwise.
 */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

/**
 * DI token for the readiness checks an application provides itself (an array of
 * `ReadinessCheck`), typically built from providers of its own modules with `useFactory`.
 */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export const DEFAULT_READINESS_TIMEOUT_MS = 1_000;

export type CheckOutcome = 'up' | `down: ${string}`;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckOutcome>;
}

class CheckTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/** Rejects after `timeoutMs` so one hanging dependency cannot hang `/ready` itself. */
async function withTimeout(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const reasonOf = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  // One line, bounded: the reason is shown to whoever polls /ready.
  return message.split('\n')[0]?.slice(0, 200) || 'failed';
};

/** Runs every check in parallel, each with its own deadline. */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs = DEFAULT_READINESS_TIMEOUT_MS,
): Promise<ReadinessReport> {
  const outcomes = await Promise.all(
    checks.map(async (readinessCheck): Promise<[string, CheckOutcome]> => {
      try {
        // Promise.resolve().then() also turns a synchronous throw into a rejection.
        await withTimeout(
          Promise.resolve().then(() => readinessCheck.check()),
          timeoutMs,
        );
        return [readinessCheck.name, 'up'];
      } catch (error) {
        return [readinessCheck.name, `down: ${reasonOf(error)}`];
      }
    }),
  );
  return {
    ready: outcomes.every(([, outcome]) => outcome === 'up'),
    checks: Object.fromEntries(outcomes),
  };
}
