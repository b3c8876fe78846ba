import { DomainError, type Role } from '@mg/shared-kernel';

/**
 * R11/R13: a billet needs a processable ticket (free, not rejected, not closed), and one that is
 * OPEN or IN_PROGRESS. `processable` is computed by the tickets context (R7) and read as data.
 */
export function assertTicketProcessable(ticket: { processable: boolean; status: string }): void {
  if (!ticket.processable) {
    throw new DomainError(
      'TICKET_NOT_PROCESSABLE',
      'The ticket is billable, rejected or closed: no billet can be issued',
    );
  }
  if (ticket.status !== 'OPEN' && ticket.status !== 'IN_PROGRESS') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `A ${ticket.status} ticket cannot receive a billet; reopen it first`,
    );
  }
}

const MAY_WORK: readonly Role[] = ['DEVELOPER', 'PROJECT_MANAGER'];

/** The user a billet would authorize, as identity and the ticket's project describe them. */
export interface CandidateDeveloper {
  role: Role;
  /** A deactivated account cannot be authorized; identity omits nothing, so default true. */
  active?: boolean;
  isProjectMember: boolean;
}

/**
 * R12: the authorized developer is an active developer or project manager, and a member of the
 * ticket's project. `null` is a user identity does not know: not eligible either.
 */
export function assertDeveloperEligible(developer: CandidateDeveloper | null): void {
  if (
    developer === null ||
    developer.active === false ||
    !MAY_WORK.includes(developer.role) ||
    !developer.isProjectMember
  ) {
    throw new DomainError(
      'DEVELOPER_NOT_ELIGIBLE',
      "Only an active developer or project manager who is a member of the ticket's project can be authorized",
    );
  }
}
