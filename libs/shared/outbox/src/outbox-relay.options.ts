import { type JetStreamClient } from '@nats-io/jetstream';

export interface OutboxRelayOptions {
  /** The service's database: the relay keeps its own 2 connections (LISTEN needs one of its own). */
  databaseUrl: string;
  /** Where events go; the connection behind it reconnects by itself (`connectNats`). */
  jetstream: JetStreamClient;
  /** Events claimed per transaction (default 100). */
  batchSize?: number;
  /** Polling fallback when no notification arrives (default 1 s). */
  pollIntervalMs?: number;
  /** How long to wait for JetStream's ack of one event (default 5 s). */
  publishTimeoutMs?: number;
  /** First retry delay after a failure, doubled up to `maxBackoffMs` (defaults 500 ms, 30 s). */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Published rows are deleted after this long (default 7 days; they stay in JetStream). */
  retainPublishedMs?: number;
}

export type ResolvedOutboxRelayOptions = Required<OutboxRelayOptions>;

const DAY_MS = 24 * 60 * 60_000;

export const resolveOutboxRelayOptions = (
  options: OutboxRelayOptions,
): ResolvedOutboxRelayOptions => ({
  batchSize: 100,
  pollIntervalMs: 1_000,
  publishTimeoutMs: 5_000,
  initialBackoffMs: 500,
  maxBackoffMs: 30_000,
  retainPublishedMs: 7 * DAY_MS,
  ...options,
});

/** What the relay has done since it started, for logs, tests and a readiness check. */
export interface OutboxRelayStats {
  published: number;
  /** Publishes JetStream recognised as already stored (same id within its duplicate window). */
  duplicates: number;
  /** Failed cycles (NATS or database unreachable), each followed by a backoff. */
  failures: number;
}
