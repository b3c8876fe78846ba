import { type JetStreamClient } from '@nats-io/jetstream';
import { type PoolClient } from 'pg';

/** One claimed event: what JetStream receives, with the id as message id. */
interface OutboxRow {
  id: string;
  subject: string;
  envelope: unknown;
}

export interface BatchOutcome {
  /** Rows found unpublished (at most the batch size). */
  claimed: number;
  published: number;
  duplicates: number;
  /** The error that stopped the batch, if one did. */
  error?: unknown;
}

// Only one relay per database publishes at a time (this transaction-scoped lock), so that events
// leave in position order even when several instances of a service run.
const LOCK_SQL =
  "SELECT pg_try_advisory_xact_lock(hashtextextended('mg.outbox_events', 0)) AS locked";

const CLAIM_SQL = `
  SELECT id::text AS id, subject, envelope FROM outbox_events
  WHERE published_at IS NULL
  ORDER BY position
  LIMIT $1
  FOR UPDATE SKIP LOCKED`;

const errorText = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 1_000);

/**
 * Claims the oldest unpublished events in one transaction, publishes them in order (awaiting each
 * ack) and marks those acknowledged. A publish that fails stops the batch, so no later event
 * overtakes it; it is counted and retried next time. If the process dies between an ack and the
 * commit, the events are published again and JetStream drops them as duplicates (by message id,
 * within the stream's duplicate window).
 */
export async function publishBatch(
  client: PoolClient,
  jetstream: JetStreamClient,
  batchSize: number,
  publishTimeoutMs: number,
): Promise<BatchOutcome> {
  await client.query('BEGIN');
  try {
    const { rows: lock } = await client.query<{ locked: boolean }>(LOCK_SQL);
    if (!lock[0]?.locked) {
      await client.query('ROLLBACK');
      return { claimed: 0, published: 0, duplicates: 0 };
    }
    const { rows } = await client.query<OutboxRow>(CLAIM_SQL, [batchSize]);
    const published: string[] = [];
    let duplicates = 0;
    let failure: { id: string; error: unknown } | undefined;
    for (const row of rows) {
      try {
        const ack = await jetstream.publish(row.subject, JSON.stringify(row.envelope), {
          msgID: row.id,
          timeout: publishTimeoutMs,
        });
        published.push(row.id);
        if (ack.duplicate) duplicates += 1;
      } catch (error) {
        failure = { id: row.id, error };
        break;
      }
    }
    if (published.length > 0) {
      await client.query(
        `UPDATE outbox_events SET published_at = now(), attempts = attempts + 1, last_error = NULL
         WHERE id = ANY($1::uuid[])`,
        [published],
      );
    }
    if (failure) {
      await client.query(
        'UPDATE outbox_events SET attempts = attempts + 1, last_error = $2 WHERE id = $1',
        [failure.id, errorText(failure.error)],
      );
    }
    await client.query('COMMIT');
    return {
      claimed: rows.length,
      published: published.length,
      duplicates,
      ...(failure ? { error: failure.error } : {}),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
