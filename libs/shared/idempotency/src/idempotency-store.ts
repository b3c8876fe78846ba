import { type SqlExecutor } from '@mg/shared-database';

/** One caller's key: keys are scoped per user, so two users never see each other's responses. */
export interface IdempotencyScope {
  userId: string;
  key: string;
}

/** A response kept for replay: the status and the JSON body first answered. */
export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export type IdempotencyClaim =
  /** This request inserted the key: it executes, then completes or releases the key. */
  | { kind: 'claimed' }
  /** A request with the same key and fingerprint finished: answer what it answered. */
  | { kind: 'completed'; response: StoredResponse }
  /** A request with the same key and fingerprint is still executing. */
  | { kind: 'in-progress' }
  /** The key was used for another request (another body, path or method). */
  | { kind: 'reused' }
  /** The key vanished between the insert and the read (released by a failed request): try again. */
  | { kind: 'gone' };

// The primary key is the lock: of concurrent inserts exactly one returns a row. An expired key
// is taken over in the same statement, so purging is only about space, never about correctness.
const CLAIM_SQL = `
  INSERT INTO idempotency_keys (user_id, key, fingerprint, state, expires_at)
  VALUES ($1, $2, $3, 'IN_PROGRESS', now() + make_interval(secs => $4::double precision))
  ON CONFLICT (user_id, key) DO UPDATE
    SET fingerprint = EXCLUDED.fingerprint, state = 'IN_PROGRESS', status_code = NULL,
        response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
    WHERE idempotency_keys.expires_at <= now()
  RETURNING 1 AS claimed`;

const READ_SQL = `
  SELECT fingerprint, state, status_code, response_body
  FROM idempotency_keys WHERE user_id = $1 AND key = $2`;

interface KeyRow {
  fingerprint: string;
  state: 'IN_PROGRESS' | 'COMPLETED';
  status_code: number | null;
  response_body: unknown;
}

/** Tries to take the key for this request, or says what holds it. */
export async function claimIdempotencyKey(
  executor: SqlExecutor,
  scope: IdempotencyScope,
  fingerprint: string,
  ttlMs: number,
): Promise<IdempotencyClaim> {
  const claimed = await executor.$queryRawUnsafe<unknown[]>(
    CLAIM_SQL,
    scope.userId,
    scope.key,
    fingerprint,
    ttlMs / 1000,
  );
  if (claimed.length > 0) return { kind: 'claimed' };
  const [row] = await executor.$queryRawUnsafe<KeyRow[]>(READ_SQL, scope.userId, scope.key);
  if (!row) return { kind: 'gone' };
  if (row.fingerprint !== fingerprint) return { kind: 'reused' };
  if (row.state === 'IN_PROGRESS' || row.status_code === null) return { kind: 'in-progress' };
  // SQL NULL stands for "no body" (a handler that returned nothing).
  return {
    kind: 'completed',
    response: { statusCode: row.status_code, body: row.response_body ?? undefined },
  };
}

/** Keeps the answer of the request that claimed the key, for every later duplicate. */
export async function completeIdempotencyKey(
  executor: SqlExecutor,
  scope: IdempotencyScope,
  response: StoredResponse,
): Promise<void> {
  await executor.$executeRawUnsafe(
    `UPDATE idempotency_keys SET state = 'COMPLETED', status_code = $3::int, response_body = $4::json
     WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS'`,
    scope.userId,
    scope.key,
    response.statusCode,
    response.body === undefined ? null : JSON.stringify(response.body),
  );
}

/**
 * Frees the key after a server-side failure (5xx: the business transaction rolled back), so the
 * client may retry with the same key.
 */
export async function releaseIdempotencyKey(
  executor: SqlExecutor,
  scope: IdempotencyScope,
): Promise<void> {
  await executor.$executeRawUnsafe(
    `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS'`,
    scope.userId,
    scope.key,
  );
}

/** Deletes expired keys. @returns how many. */
export function purgeExpiredIdempotencyKeys(executor: SqlExecutor): Promise<number> {
  return executor.$executeRawUnsafe('DELETE FROM idempotency_keys WHERE expires_at <= now()');
}
