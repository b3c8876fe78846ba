import {
  assertMayRecordIntervention,
  assertMayValidate,
  assertNoReportYet,
  type Actor,
} from '@mg/interventions-domain';
import { DomainError } from '@mg/shared-kernel';
import {
  availableCommands,
  transition,
  type TicketCommand,
  type TicketLifecycleState,
  type TransitionResult,
} from '@mg/tickets-domain';
import {
  type KnownBillet,
  type KnownIntervention,
  type KnownReport,
  type TicketLifecycleInput,
  type TicketLifecycleProgress,
  type TicketLifecycleSnapshot,
} from './ticket-lifecycle.definitions';

/**
 * What the workflow remembers of its ticket, and the checks its update validators run against it.
 * Pure: every rule comes from the tickets and interventions domains, so the workflow and the
 * services refuse the same things with the same codes.
 */
export interface TicketLifecycleMemory {
  ticketId: string;
  number: string;
  projectId: string;
  lifecycle: TicketLifecycleState;
  billets: KnownBillet[];
  interventions: KnownIntervention[];
  reports: KnownReport[];
}

const toIso = (date: Date | null): string | null => (date === null ? null : date.toISOString());
const toDate = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

export function initialMemory(input: TicketLifecycleInput): TicketLifecycleMemory {
  const { ticketId, number, projectId } = input;
  if (input.resumeFrom) {
    const { lifecycle, billets, interventions, reports } = input.resumeFrom;
    return {
      ticketId,
      number,
      projectId,
      lifecycle: {
        ...lifecycle,
        firstBilletAt: toDate(lifecycle.firstBilletAt),
        resolvedAt: toDate(lifecycle.resolvedAt),
        closedAt: toDate(lifecycle.closedAt),
        rejectedAt: toDate(lifecycle.rejectedAt),
      },
      billets,
      interventions,
      reports,
    };
  }
  return {
    ticketId,
    number,
    projectId,
    lifecycle: {
      status: input.status ?? 'OPEN',
      billable: input.billable,
      rejectionReason: input.rejectionReason ?? null,
      assigneeId: null,
      validatedReportId: null,
      firstBilletAt: null,
      resolvedAt: null,
      closedAt: null,
      rejectedAt: null,
    },
    billets: [],
    interventions: [],
    reports: [],
  };
}

/** The lifecycle as it crosses the wire: instants as ISO 8601 strings. */
export const toSnapshot = (lifecycle: TicketLifecycleState): TicketLifecycleSnapshot => ({
  ...lifecycle,
  firstBilletAt: toIso(lifecycle.firstBilletAt),
  resolvedAt: toIso(lifecycle.resolvedAt),
  closedAt: toIso(lifecycle.closedAt),
  rejectedAt: toIso(lifecycle.rejectedAt),
});

export function toProgress(memory: TicketLifecycleMemory): TicketLifecycleProgress {
  const { lifecycle } = memory;
  return {
    ticketId: memory.ticketId,
    number: memory.number,
    projectId: memory.projectId,
    lifecycle: toSnapshot(lifecycle),
    billets: [...memory.billets],
    interventions: [...memory.interventions],
    reports: [...memory.reports],
    availableCommands: availableCommands(lifecycle),
  };
}

export const hasEnded = (memory: TicketLifecycleMemory): boolean =>
  memory.lifecycle.status === 'CLOSED' || memory.lifecycle.status === 'REJECTED';

/** R9/R10/R11 through the one transition function. */
export function checkTransition(
  memory: TicketLifecycleMemory,
  command: TicketCommand,
  now: Date,
): TransitionResult {
  return transition(memory.lifecycle, command, now);
}

/** Work is recorded only on a ticket being worked on, not on a resolved or finished one. */
function assertInProgress(memory: TicketLifecycleMemory, action: string): void {
  if (memory.lifecycle.status !== 'IN_PROGRESS') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `A ${memory.lifecycle.status} ticket cannot ${action}`,
    );
  }
}

/** R14: no billet, no intervention; only the billet's developer (or a supervisor) records it. */
export function checkRecordIntervention(
  memory: TicketLifecycleMemory,
  billetId: string,
  actor: Actor,
): void {
  const billet = memory.billets.find((known) => known.id === billetId);
  if (!billet) throw new DomainError('NOT_FOUND', `No billet ${billetId} on this ticket`);
  assertInProgress(memory, 'receive an intervention');
  assertMayRecordIntervention({ actor, billet });
}

/** R17: a report needs an intervention of this ticket, and only one per intervention. */
export function checkSubmitReport(memory: TicketLifecycleMemory, interventionId: string): void {
  if (!memory.interventions.some((known) => known.id === interventionId)) {
    throw new DomainError('NOT_FOUND', `No intervention ${interventionId} on this ticket`);
  }
  assertInProgress(memory, 'receive a technical report');
  assertNoReportYet(memory.reports.find((known) => known.interventionId === interventionId));
}

/** R18: four-eyes validation, once; validating resolves the ticket (R9) in the same step. */
export function checkValidateReport(
  memory: TicketLifecycleMemory,
  reportId: string,
  actor: Actor,
  now: Date,
): TransitionResult {
  const report = memory.reports.find((known) => known.id === reportId);
  if (!report) throw new DomainError('NOT_FOUND', `No report ${reportId} on this ticket`);
  assertMayValidate({
    actor,
    report: { authorId: report.authorId, validatedAt: toDate(report.validatedAt) },
  });
  return checkTransition(memory, { type: 'resolve', reportId }, now);
}
