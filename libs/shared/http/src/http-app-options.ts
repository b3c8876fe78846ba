import { type DestinationStream } from 'pino';
import { type ReadinessCheck } from './health/readiness-check';
import { type LogLevel } from './logging/logger-params';
import { type OpenApiOptions } from './openapi/setup-open-api';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Proxies whose X-Forwarded-* headers are believed (proxy-addr syntax): loopback and private
 * networks, where the console and any ingress run. Trusting everyone would let a caller fake
 * its address and slip past per-address rate limits.
 */
export const DEFAULT_TRUSTED_PROXIES = ['loopback', 'linklocal', 'uniquelocal'];

export interface HttpAppOptions {
  /** Appears in every log line (`service`) and in `GET /health`. */
  serviceName: string;
  logLevel: LogLevel;
  openApi: OpenApiOptions;
  /** Larger bodies are refused with 413 PAYLOAD_TOO_LARGE (default 1 MiB). */
  bodyLimitBytes?: number;
  /** Checks for `GET /ready`, in addition to those the app provides under READINESS_CHECKS. */
  readinessChecks?: readonly ReadinessCheck[];
  /** Per-check deadline for `GET /ready` (default 1 s). */
  readinessTimeoutMs?: number;
  /** e.g. `api/v1`; `/health`, `/ready` and the OpenAPI page always stay at the root. */
  globalPrefix?: string;
  /** More routes to keep outside the global prefix (e.g. `.well-known/jwks.json`). */
  globalPrefixExclusions?: string[];
  trustProxy?: boolean | string | string[];
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logDestination?: DestinationStream;
}
