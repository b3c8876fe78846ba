import { type SqlExecutor } from '@mg/shared-database';
import { type EventEnvelope, eventEnvelopeSchema, subjectFor } from '@mg/shared-kernel';

/**
 * An event the code built wrongly: a bug, not a client mistake, so it is deliberately not a zod
 * error (which the HTTP layer would answer as a 400).
 */
export class InvalidEventEnvelopeError extends Error {
  constructor(readonly issues: readonly { path: PropertyKey[]; message: string }[]) {
    super(
      `Invalid event envelope: ${issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'InvalidEventEnvelopeError';
  }
}

/** Writes events into the service's outbox; `OutboxRelay` publishes them. */
export const OutboxWriter = {
  /**
   * Validates the envelope (SPEC §8) and inserts it with the caller's executor. Pass the business
   * transaction (`tx`) so that the change, its audit row and its event commit together or not
   * at all: no state change without its event, no event without its change.
   * @returns the envelope as it will be published (unknown fields dropped).
   * @throws InvalidEventEnvelopeError when the envelope does not match the schema.
   */
  async enqueue(executor: SqlExecutor, envelope: EventEnvelope): Promise<EventEnvelope> {
    const parsed = eventEnvelopeSchema.safeParse(envelope);
    if (!parsed.success) throw new InvalidEventEnvelopeError(parsed.error.issues);
    const event = parsed.data;
    await executor.$executeRawUnsafe(
      'INSERT INTO outbox_events (id, subject, envelope) VALUES ($1::uuid, $2, $3::jsonb)',
      event.id,
      subjectFor(event.type),
      JSON.stringify(event),
    );
    return event;
  },
} as const;
