/** The `SqlExecutor` keys are kept with (the service's Prisma client). */
export const IDEMPOTENCY_EXECUTOR = Symbol('IDEMPOTENCY_EXECUTOR');

/** The resolved `IdempotencyModuleOptions`. */
export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

export interface ResolvedIdempotencyOptions {
  ttlMs: number;
  waitForCompletionMs: number;
  pollIntervalMs: number;
  purgeIntervalMs: number;
}

const HOUR_MS = 60 * 60_000;

export const DEFAULT_IDEMPOTENCY_OPTIONS: ResolvedIdempotencyOptions = {
  // SPEC §7 asks for at least 24 h.
  ttlMs: 24 * HOUR_MS,
  waitForCompletionMs: 5_000,
  pollIntervalMs: 50,
  purgeIntervalMs: HOUR_MS,
};
