import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so that two bodies meaning the same thing give the
 * same text whatever order the client wrote the keys in. Arrays keep their order (it means
 * something); `undefined` members are dropped, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}

/**
 * What makes two requests "the same request" for an Idempotency-Key: method, path (with its
 * query; `/tickets/A/close` is not `/tickets/B/close`) and body, as SHA-256 hex.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${url}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}
