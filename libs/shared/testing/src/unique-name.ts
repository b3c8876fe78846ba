import { randomBytes } from 'node:crypto';

/**
 * `<prefix>_<8 hex>`: unique per call, so parallel Jest workers and re-runs never share a
 * database, stream, task queue or workflow id. Only `[a-z0-9_]` so it is a safe identifier.
 */
export function uniqueName(prefix: string): string {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return `${safePrefix}_${randomBytes(4).toString('hex')}`;
}
