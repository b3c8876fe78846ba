import { Prisma } from './generated/prisma/client';

/**
 * The PostgreSQL SQLSTATE behind a failed query, if any. With the pg driver adapter, Prisma 7
 * reports database errors it has no code of its own for (an exclusion violation, 23P01) as
 * P2039 and keeps the driver's error in `meta.driverAdapterError.cause`.
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const driverError = (error.meta as { driverAdapterError?: { cause?: unknown } } | undefined)
    ?.driverAdapterError;
  const cause = driverError?.cause as { originalCode?: unknown; code?: unknown } | undefined;
  const state = cause?.originalCode ?? cause?.code;
  return typeof state === 'string' ? state : undefined;
}

/** SQLSTATE 23P01: a row conflicts with another under an `EXCLUDE` constraint. */
export const EXCLUSION_VIOLATION = '23P01';

export const isRecordNotFound = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
