/**
 * Recognises failures that mean "a dependency (PostgreSQL, Temporal, NATS) is down or
 * unreachable", so the API answers 503 (retry later) instead of 500 (our bug). Detection is by
 * duck typing on names and codes: this library must not load Prisma, pg, Temporal or NATS just to
 * classify their errors, and `instanceof` breaks across duplicated package copies anyway.
 */

/** Node socket errors, as raised by pg, the NATS transport and gRPC. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** Prisma engine codes for an unreachable database or an exhausted connection pool. */
const PRISMA_UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** PostgreSQL SQLSTATEs: class 08 (connection exception), shutdown in progress, too many clients. */
const POSTGRES_UNAVAILABLE_STATE = /^(08...|57P0[1-3]|53300)$/;

/** Driver-adapter error kinds (`@prisma/adapter-pg`) meaning the database cannot be reached. */
const ADAPTER_UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
]);

/** Error names used by `@nats-io/*` when the server is gone or JetStream does not answer. */
const NATS_UNAVAILABLE_NAMES = new Set([
  'ClosedConnectionError',
  'DrainingConnectionError',
  'ConnectionError',
  'NoResponders',
  'JetStreamNotEnabled',
]);

const PRISMA_INITIALIZATION_ERROR = 'PrismaClientInitializationError';

/** gRPC status codes UNAVAILABLE and DEADLINE_EXCEEDED (Temporal's transport). */
const GRPC_UNAVAILABLE_STATUSES = new Set([14, 4]);

const MAX_CAUSE_DEPTH = 6;

type Inspectable = Record<string, unknown>;

const isObject = (value: unknown): value is Inspectable =>
  typeof value === 'object' && value !== null;

function isUnavailableItself(error: Inspectable): boolean {
  const { code, name, kind } = error;
  if (typeof code === 'string') {
    if (NETWORK_ERROR_CODES.has(code) || PRISMA_UNAVAILABLE_CODES.has(code)) return true;
    if (POSTGRES_UNAVAILABLE_STATE.test(code) && 'severity' in error) return true;
  }
  if (typeof kind === 'string' && ADAPTER_UNAVAILABLE_KINDS.has(kind)) return true;
  if (typeof name === 'string') {
    if (NATS_UNAVAILABLE_NAMES.has(name) || name === PRISMA_INITIALIZATION_ERROR) return true;
  }
  // A raw gRPC ServiceError carries a numeric status code plus `details` and `metadata`.
  return typeof code === 'number' && 'details' in error && GRPC_UNAVAILABLE_STATUSES.has(code);
}

/** Children worth inspecting: the cause chain and the members of an AggregateError. */
function nestedErrors(error: Inspectable): unknown[] {
  const nested: unknown[] = [error.cause];
  if (Array.isArray(error.errors)) nested.push(...(error.errors as unknown[]));
  return nested.filter(isObject);
}

export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (!isObject(error) || depth > MAX_CAUSE_DEPTH) return false;
  if (isUnavailableItself(error)) return true;
  return nestedErrors(error).some((nested) => isDependencyUnavailable(nested, depth + 1));
}
