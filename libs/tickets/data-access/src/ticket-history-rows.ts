import { type Role } from '@mg/shared-kernel';
import {
  type HistoryActor,
  type TicketHistoryEntry,
  type TicketLifecycleState,
} from '@mg/tickets-domain';
import { type Prisma } from './generated/prisma/client';

/** What the `actor_role` column holds for the system, as in the audit trail. */
export const SYSTEM_ACTOR_ROLE = 'SYSTEM';

/** A lifecycle step to record: its history entry and the lifecycle it leaves the ticket in. */
export interface TicketStep extends Omit<TicketHistoryEntry, 'statusAfter'> {
  lifecycle: TicketLifecycleState;
}

export const historyColumns = {
  id: true,
  ticketId: true,
  kind: true,
  actorId: true,
  actorRole: true,
  occurredAt: true,
  reason: true,
  statusAfter: true,
  details: true,
} as const satisfies Prisma.TicketHistorySelect;

type HistoryRow = Prisma.TicketHistoryGetPayload<{ select: typeof historyColumns }>;

const actorOf = (row: HistoryRow): HistoryActor =>
  row.actorId === null ? 'system' : { id: row.actorId, role: row.actorRole as Role };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const toHistoryEntry = (row: HistoryRow): TicketHistoryEntry => ({
  id: row.id,
  ticketId: row.ticketId,
  kind: row.kind,
  actor: actorOf(row),
  occurredAt: row.occurredAt,
  reason: row.reason,
  statusAfter: row.statusAfter,
  // The column holds objects only (a CHECK constraint says so).
  details: isObject(row.details) ? row.details : {},
});

export function toHistoryColumns(
  entry: TicketHistoryEntry,
): Prisma.TicketHistoryUncheckedCreateInput {
  return {
    id: entry.id,
    ticketId: entry.ticketId,
    kind: entry.kind,
    actorId: entry.actor === 'system' ? null : entry.actor.id,
    actorRole: entry.actor === 'system' ? SYSTEM_ACTOR_ROLE : entry.actor.role,
    occurredAt: entry.occurredAt,
    reason: entry.reason,
    statusAfter: entry.statusAfter,
    // Step details are JSON scalars and string lists (the workflow's `StepDetails`).
    details: entry.details as Prisma.InputJsonObject,
  };
}

/** The ticket columns a lifecycle step moves (R9): everything else was fixed at creation. */
export const lifecycleColumns = (lifecycle: TicketLifecycleState): Prisma.TicketUpdateInput => ({
  status: lifecycle.status,
  rejectionReason: lifecycle.rejectionReason,
  assigneeId: lifecycle.assigneeId,
  validatedReportId: lifecycle.validatedReportId,
  firstBilletAt: lifecycle.firstBilletAt,
  resolvedAt: lifecycle.resolvedAt,
  closedAt: lifecycle.closedAt,
  rejectedAt: lifecycle.rejectedAt,
});
