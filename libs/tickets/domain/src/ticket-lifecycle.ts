import { DomainError } from '@mg/shared-kernel';
import { isProcessable } from './ticket-metrics';
import { type TicketLifecycleState, type TicketTransitionEvent } from './ticket.types';

/**
 * R9/R10 as one pure function, so the ticket workflow (deterministic) and the tickets service
 * apply the same rules: `transition(state, command, now)` answers the next state and the event
 * to publish, or throws a `DomainError`.
 */
export type TicketCommand =
  /** R13: a billet was issued; the first one starts the work and assigns the ticket. */
  | { type: 'issueBillet'; developerId: string }
  /** R18: a technical report was validated, which resolves the ticket. */
  | { type: 'resolve'; reportId: string }
  | { type: 'close' }
  /** The client does not accept the fix. */
  | { type: 'reopen'; reason: string }
  | { type: 'reject'; reason: string };

export type TicketCommandType = TicketCommand['type'];

export interface TransitionResult {
  state: TicketLifecycleState;
  /** Null when the ticket's own stream has nothing to say (`billet.issued` covers a billet). */
  event: TicketTransitionEvent | null;
}

export const MAX_REASON_LENGTH = 2000;

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_REASON_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', 'A reason is required', [
      { path: 'reason', message: `must be 1 to ${MAX_REASON_LENGTH} characters` },
    ]);
  }
  return trimmed;
}

function invalid(state: TicketLifecycleState, action: string): DomainError {
  return new DomainError('INVALID_TRANSITION', `A ${state.status} ticket cannot be ${action}`);
}

function issueBillet(
  state: TicketLifecycleState,
  developerId: string,
  now: Date,
): TransitionResult {
  if (!isProcessable(state)) {
    throw new DomainError(
      'TICKET_NOT_PROCESSABLE',
      state.billable
        ? 'The ticket is billable: no billet can be issued under the warranty'
        : `A ${state.status} ticket cannot receive a billet`,
    );
  }
  if (state.status === 'OPEN') {
    return {
      state: { ...state, status: 'IN_PROGRESS', assigneeId: developerId, firstBilletAt: now },
      event: null,
    };
  }
  if (state.status === 'IN_PROGRESS') return { state, event: null };
  throw invalid(state, 'given a billet; reopen it first');
}

/**
 * Closing needs a validated report (R10). From OPEN or IN_PROGRESS the missing report is the
 * useful explanation, so REPORT_NOT_VALIDATED wins over INVALID_TRANSITION there (both are 409);
 * a CLOSED or REJECTED ticket is simply past closing.
 */
function close(state: TicketLifecycleState, now: Date): TransitionResult {
  if (state.status === 'CLOSED' || state.status === 'REJECTED') throw invalid(state, 'closed');
  if (state.status !== 'RESOLVED' || state.validatedReportId === null) {
    throw new DomainError(
      'REPORT_NOT_VALIDATED',
      'A ticket can only be closed after its technical report has been validated',
    );
  }
  return { state: { ...state, status: 'CLOSED', closedAt: now }, event: 'ticket.closed' };
}

export function transition(
  state: TicketLifecycleState,
  command: TicketCommand,
  now: Date,
): TransitionResult {
  switch (command.type) {
    case 'issueBillet':
      return issueBillet(state, command.developerId, now);
    case 'resolve':
      if (state.status !== 'IN_PROGRESS') throw invalid(state, 'resolved');
      return {
        state: {
          ...state,
          status: 'RESOLVED',
          validatedReportId: command.reportId,
          resolvedAt: now,
        },
        event: 'ticket.resolved',
      };
    case 'close':
      return close(state, now);
    case 'reopen': {
      requireReason(command.reason);
      if (state.status !== 'RESOLVED') throw invalid(state, 'reopened');
      // The fix was not accepted: the next closure needs a newly validated report.
      return {
        state: { ...state, status: 'IN_PROGRESS', validatedReportId: null, resolvedAt: null },
        event: 'ticket.reopened',
      };
    }
    case 'reject': {
      const reason = requireReason(command.reason);
      if (state.status !== 'OPEN' && state.status !== 'IN_PROGRESS')
        throw invalid(state, 'rejected');
      return {
        state: { ...state, status: 'REJECTED', rejectedAt: now, rejectionReason: reason },
        event: 'ticket.rejected',
      };
    }
  }
}

const PROBES: readonly TicketCommand[] = [
  { type: 'issueBillet', developerId: 'probe' },
  { type: 'resolve', reportId: 'probe' },
  { type: 'close' },
  { type: 'reopen', reason: 'probe' },
  { type: 'reject', reason: 'probe' },
];

/** The commands the ticket accepts in its current state, e.g. to show only the usable forms. */
export function availableCommands(state: TicketLifecycleState): TicketCommandType[] {
  return PROBES.filter((command) => {
    try {
      transition(state, command, new Date(0));
      return true;
    } catch {
      return false;
    }
  }).map((command) => command.type);
}
