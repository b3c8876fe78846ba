import { Prisma } from './generated/prisma/client';

/** SQLSTATE 23505: a row repeats a value a unique constraint allows once. */
export const UNIQUE_VIOLATION = '23505';

interface DriverErrorCause {
  originalCode?: unknown;
  code?: unknown;
  constraint?: { index?: unknown };
}

/**
 * The pg driver's error behind a failed query, if any. With the pg driver adapter, Prisma 7
 * keeps it in `meta.driverAdapterError.cause` (a unique violation is then P2002, with
 * `originalCode` 23505 and the violated index in `constraint.index`).
 */
function driverCauseOf(error: unknown): DriverErrorCause | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const driverError = (error.meta as { driverAdapterError?: { cause?: unknown } } | undefined)
    ?.driverAdapterError;
  return driverError?.cause as DriverErrorCause | undefined;
}

/** The PostgreSQL SQLSTATE behind a failed query, if any. */
export function sqlStateOf(error: unknown): string | undefined {
  const cause = driverCauseOf(error);
  const state = cause?.originalCode ?? cause?.code;
  return typeof state === 'string' ? state : undefined;
}

/** Whether `error` is a unique violation of the index or constraint named `name`. */
export function violatesUnique(error: unknown, name: string): boolean {
  const isUnique =
    (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') ||
    sqlStateOf(error) === UNIQUE_VIOLATION;
  return isUnique && driverCauseOf(error)?.constraint?.index === name;
}
