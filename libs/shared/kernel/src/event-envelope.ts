import { z } from 'zod';
import { ROLES } from './roles';

/**
 * SPEC §8: every state change is published on NATS JetStream as one envelope. The envelope `id`
 * is the JetStream message id, so a re-published event is dropped as a duplicate.
 */
export const EVENT_TYPES = [
  'contract.created',
  'contract.updated',
  'contract.expiring',
  'contract.expired',
  'ticket.created',
  'ticket.rejected',
  'ticket.resolved',
  'ticket.closed',
  'ticket.reopened',
  'billet.issued',
  'intervention.recorded',
  'intervention.overrun',
  'report.submitted',
  'report.validated',
  'sla.warning',
  'sla.breached',
  'sla.escalated',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_SUBJECT_PREFIX = 'maintenance';

/** The JetStream subject an event type is published on: `maintenance.<type>`. */
export function subjectFor(type: EventType): string {
  return `${EVENT_SUBJECT_PREFIX}.${type}`;
}

/** The event type behind a subject, or null for a subject outside the known types. */
export function eventTypeFromSubject(subject: string): EventType | null {
  const prefix = `${EVENT_SUBJECT_PREFIX}.`;
  if (!subject.startsWith(prefix)) return null;
  const type = subject.slice(prefix.length);
  return (EVENT_TYPES as readonly string[]).includes(type) ? (type as EventType) : null;
}

export const eventActorSchema = z.union([
  z.strictObject({ id: z.uuid(), role: z.enum(ROLES) }),
  z.literal('system'),
]);

export type EventActor = z.infer<typeof eventActorSchema>;

/**
 * Unknown envelope fields are dropped rather than refused: a consumer keeps reading envelopes
 * that a newer producer extended (tolerant reader); `version` is bumped when `data` changes shape.
 */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.enum(EVENT_TYPES),
  version: z.int().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  actor: eventActorSchema,
  projectId: z.uuid(),
  ticketId: z.uuid().optional(),
  data: z.record(z.string(), z.unknown()),
});

export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;
