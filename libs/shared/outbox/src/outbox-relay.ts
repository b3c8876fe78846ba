import { Logger } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { publishBatch } from './outbox-batch';
import { OUTBOX_CHANNEL } from './outbox.location';
import {
  type OutboxRelayOptions,
  type OutboxRelayStats,
  type ResolvedOutboxRelayOptions,
  resolveOutboxRelayOptions,
} from './outbox-relay.options';

const PURGE_EVERY_MS = 60 * 60_000;

/** Names the relay's connections in pg_stat_activity. */
export const OUTBOX_RELAY_APPLICATION_NAME = 'mg-outbox-relay';

/**
 * Publishes a service's outbox to JetStream, at least once and in order. Wakes on the insert
 * trigger's NOTIFY (published within milliseconds of the commit) and polls every
 * `pollIntervalMs` in case a notification is missed (LISTEN connection lost, database restart).
 * After a failure (NATS or PostgreSQL unreachable) it keeps the events and retries with a
 * doubling backoff capped at `maxBackoffMs`.
 *
 * Order: events leave in insertion order, one relay per database at a time, and a failed event
 * holds back those after it. Two transactions may commit in another order than they inserted;
 * events of one aggregate keep their order as long as the use case locks (updates) the
 * aggregate's row before enqueueing, which serialises those transactions.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly options: ResolvedOutboxRelayOptions;
  private readonly pool: Pool;
  private listener?: Client;
  private running = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private cycle?: Promise<void>;
  /** A notification arrived during a cycle: run another one right after. */
  private wokenDuringCycle = false;
  private backoffMs = 0;
  private lastPurgeAt = 0;
  private readonly counters: OutboxRelayStats = { published: 0, duplicates: 0, failures: 0 };

  constructor(options: OutboxRelayOptions) {
    this.options = resolveOutboxRelayOptions(options);
    this.pool = new Pool({
      connectionString: this.options.databaseUrl,
      application_name: OUTBOX_RELAY_APPLICATION_NAME,
      max: 1,
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection dropped by the server must not crash the process; the next cycle reconnects.
    this.pool.on('error', (error) =>
      this.logger.warn({ err: error }, 'Outbox pool connection lost'),
    );
  }

  stats(): OutboxRelayStats {
    return { ...this.counters };
  }

  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    this.wake();
  }

  /** A notification: new events committed. Ignored while backing off, so an outage is not hammered. */
  private notified(): void {
    if (this.backoffMs === 0) this.wake();
  }

  /** Stops polling, lets the cycle in flight finish, and closes the relay's connections. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.running = false;
    clearTimeout(this.timer);
    await this.cycle;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    await this.pool.end();
  }

  /** Runs a cycle now, or right after the one in flight. */
  private wake(): void {
    if (!this.running) return;
    if (this.cycle) {
      this.wokenDuringCycle = true;
      return;
    }
    clearTimeout(this.timer);
    this.cycle = this.runCycle().finally(() => {
      this.cycle = undefined;
      if (this.wokenDuringCycle && this.backoffMs === 0) {
        this.wokenDuringCycle = false;
        this.wake();
      }
    });
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), delayMs);
  }

  private async runCycle(): Promise<void> {
    this.wokenDuringCycle = false;
    await this.ensureListening();
    try {
      let outcome;
      do {
        const client = await this.pool.connect();
        // A checked-out client has no pool listener: a connection terminated between two of
        // its queries (a database restart while awaiting a JetStream ack) would otherwise emit
        // an unhandled 'error' and crash the process. Remember it and discard the client.
        let lost: Error | undefined;
        const onError = (error: Error) => (lost = error);
        client.on('error', onError);
        try {
          outcome = await publishBatch(
            client,
            this.options.jetstream,
            this.options.batchSize,
            this.options.publishTimeoutMs,
          );
        } finally {
          client.off('error', onError);
          client.release(lost);
        }
        this.counters.published += outcome.published;
        this.counters.duplicates += outcome.duplicates;
        if (outcome.error !== undefined) throw outcome.error;
      } while (this.running && outcome.claimed === this.options.batchSize);
      this.backoffMs = 0;
      await this.purgePublished();
      this.schedule(this.options.pollIntervalMs);
    } catch (error) {
      this.counters.failures += 1;
      this.backoffMs = Math.min(
        this.options.maxBackoffMs,
        Math.max(this.options.initialBackoffMs, this.backoffMs * 2),
      );
      this.logger.warn(
        { err: error, retryInMs: this.backoffMs },
        'Publishing the outbox failed; events are kept and retried',
      );
      this.schedule(this.backoffMs);
    }
  }

  /** (Re)opens the LISTEN connection; without it the relay still works, by polling. */
  private async ensureListening(): Promise<void> {
    if (this.listener || !this.running) return;
    const listener = new Client({
      connectionString: this.options.databaseUrl,
      application_name: OUTBOX_RELAY_APPLICATION_NAME,
      connectionTimeoutMillis: 5_000,
    });
    listener.on('notification', () => this.notified());
    const forget = () => {
      if (this.listener === listener) this.listener = undefined;
    };
    listener.on('error', (error) => {
      this.logger.warn({ err: error }, 'Outbox LISTEN connection lost; polling until it is back');
      forget();
      void listener.end().catch(() => undefined);
    });
    listener.on('end', forget);
    try {
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = listener;
    } catch {
      await listener.end().catch(() => undefined);
    }
  }

  /** Housekeeping: a failure here is only logged, it never delays publishing. */
  private async purgePublished(): Promise<void> {
    if (Date.now() - this.lastPurgeAt < PURGE_EVERY_MS) return;
    this.lastPurgeAt = Date.now();
    try {
      await this.pool.query(
        `DELETE FROM outbox_events
         WHERE published_at < now() - make_interval(secs => $1::double precision)`,
        [this.options.retainPublishedMs / 1000],
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'Purging published outbox events failed');
    }
  }
}
