import { type EventType } from '@mg/shared-kernel';
import { z } from 'zod';
import {
  ESCALATION_KINDS,
  type EscalationKind,
  type EscalationRung,
  type EscalationStep,
  type SlaClock,
  type SlaClockKind,
} from './sla.types';

const MS_PER_HOUR = 3_600_000;

export function addHours(start: Date, hours: number): Date {
  return new Date(start.getTime() + Math.round(hours * MS_PER_HOUR));
}

/** SPEC §6 default: 75 % warns, 100 % is the breach (level 1), 150 % escalates to admins. */
export const DEFAULT_ESCALATION_LADDER: readonly EscalationRung[] = [
  { fraction: 0.75, level: 0, kind: 'WARNING' },
  { fraction: 1, level: 1, kind: 'BREACH' },
  { fraction: 1.5, level: 2, kind: 'ESCALATION' },
];

/** For a ladder read from configuration. */
export const escalationLadderSchema = z
  .array(
    z.strictObject({
      fraction: z.number().positive(),
      level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
      kind: z.enum(ESCALATION_KINDS),
    }),
  )
  .min(1);

export interface SlaClockInput {
  createdAt: Date;
  slaHours: number;
  resolutionHours?: number | null;
  billable: boolean;
}

/**
 * SPEC §6: a covered ticket has a response clock (`createdAt + slaHours`) and, when the contract
 * sets `resolutionHours`, a resolution clock. Billable tickets have none.
 */
export function slaClocks(input: SlaClockInput): {
  response: SlaClock | null;
  resolution: SlaClock | null;
} {
  if (input.billable) return { response: null, resolution: null };
  const { createdAt, slaHours, resolutionHours } = input;
  return {
    response: { clock: 'RESPONSE', startsAt: createdAt, deadline: addHours(createdAt, slaHours) },
    resolution:
      resolutionHours === undefined || resolutionHours === null
        ? null
        : {
            clock: 'RESOLUTION',
            startsAt: createdAt,
            deadline: addHours(createdAt, resolutionHours),
          },
  };
}

/** When each rung of the ladder falls due, for a clock running from `start` to `deadline`. */
export function escalationLadder(
  clock: SlaClockKind,
  start: Date,
  deadline: Date,
  ladder: readonly EscalationRung[] = DEFAULT_ESCALATION_LADDER,
): EscalationStep[] {
  const allowance = deadline.getTime() - start.getTime();
  return ladder
    .map((rung) => ({
      clock,
      level: rung.level,
      kind: rung.kind,
      dueAt: new Date(start.getTime() + Math.round(allowance * rung.fraction)),
    }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.level - b.level);
}

/**
 * `slaBreached`: the clock passed its deadline before it stopped (or, still running, by `now`).
 * Reaching the deadline exactly is not a breach. No deadline (billable ticket) never breaches.
 */
export function isSlaBreached(input: {
  deadline: Date | null;
  stoppedAt: Date | null;
  now: Date;
}): boolean {
  if (!input.deadline) return false;
  const end = input.stoppedAt ?? input.now;
  return end.getTime() > input.deadline.getTime();
}

/**
 * The response clock stops at the first billet; a ticket rejected before any billet stops it
 * too, so a rejection does not keep a ticket "breaching" forever.
 */
export function isTicketSlaBreached(
  ticket: { slaDeadline: Date | null; firstBilletAt: Date | null; rejectedAt: Date | null },
  now: Date,
): boolean {
  return isSlaBreached({
    deadline: ticket.slaDeadline,
    stoppedAt: ticket.firstBilletAt ?? ticket.rejectedAt,
    now,
  });
}

const EVENT_BY_KIND: Record<EscalationKind, Extract<EventType, `sla.${string}`>> = {
  WARNING: 'sla.warning',
  BREACH: 'sla.breached',
  ESCALATION: 'sla.escalated',
};

export function escalationEventType(kind: EscalationKind): Extract<EventType, `sla.${string}`> {
  return EVENT_BY_KIND[kind];
}
