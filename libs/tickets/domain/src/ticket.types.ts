import { type EventType } from '@mg/shared-kernel';
import { type Escalation } from './sla.types';

export const TICKET_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const SEVERITIES = ['MINOR', 'MAJOR', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ORIGINS = ['CLIENT', 'MONITORING', 'INTERNAL'] as const;
export type Origin = (typeof ORIGINS)[number];

/** The part of a ticket that the lifecycle (R9) moves; see `transition`. */
export interface TicketLifecycleState {
  status: TicketStatus;
  /** R6: decided once, at creation. */
  billable: boolean;
  /** R6 "Warranty contract expired", or the reason given when the ticket was rejected. */
  rejectionReason: string | null;
  /** The developer of the first billet. */
  assigneeId: string | null;
  /** R10: the validated report the current resolution rests on; cleared by a reopen. */
  validatedReportId: string | null;
  /** When the first billet was issued: the response clock stops here. */
  firstBilletAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  rejectedAt: Date | null;
}

export interface Ticket extends TicketLifecycleState {
  id: string;
  /** `MAINT-00001` (R5). */
  number: string;
  projectId: string;
  contractId: string | null;
  title: string;
  description: string;
  severity: Severity;
  origin: Origin;
  createdById: string;
  createdAt: Date;
  /** Response deadline (SPEC §6); null for billable tickets. */
  slaDeadline: Date | null;
  /** Resolution deadline, when the contract sets `resolutionHours`. */
  resolutionDeadline: Date | null;
  escalations: readonly Escalation[];
}

/** A ticket as the API answers it, computed at `now`. */
export interface TicketView extends Ticket {
  processable: boolean;
  elapsedHours: number;
  slaBreached: boolean;
}

/** The ticket events a lifecycle transition emits (`ticket.created` is emitted on creation). */
export type TicketTransitionEvent = Extract<
  EventType,
  'ticket.rejected' | 'ticket.resolved' | 'ticket.closed' | 'ticket.reopened'
>;
