import { businessDay, DomainError, isWithinInclusive, type CalendarDate } from '@mg/shared-kernel';

/** The SPEC's exact wording (R6), stored as the ticket's `rejectionReason`. */
export const CONTRACT_EXPIRED_REASON = 'Warranty contract expired';

/** What the tickets context needs to know about a contract, as plain data from its owner. */
export interface CoveringContract {
  projectId: string;
  startDate: CalendarDate;
  endDate: CalendarDate;
}

export interface Coverage {
  billable: boolean;
  rejectionReason: string | null;
}

/**
 * R6, decided once at creation: no contract → billable; a contract not active on today's business
 * day → billable with "Warranty contract expired"; otherwise free. A contract that has not started
 * yet is "not active" too and gets the same reason: the SPEC names one reason for every inactive
 * contract, and clients may match on it.
 */
export function assessCoverage(input: {
  ticketProjectId: string;
  contract?: CoveringContract | null;
  now: Date;
  timeZone?: string;
}): Coverage {
  const { contract } = input;
  if (!contract) return { billable: true, rejectionReason: null };
  if (contract.projectId !== input.ticketProjectId) {
    throw new DomainError(
      'CONTRACT_PROJECT_MISMATCH',
      "The warranty contract does not belong to the ticket's project",
    );
  }
  const today = businessDay(input.now, input.timeZone);
  if (!isWithinInclusive(today, contract.startDate, contract.endDate)) {
    return { billable: true, rejectionReason: CONTRACT_EXPIRED_REASON };
  }
  return { billable: false, rejectionReason: null };
}
