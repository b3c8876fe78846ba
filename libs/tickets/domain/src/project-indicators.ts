import { type StatsTicket, ticketStats, type TicketStats } from './ticket-stats';

/** SPEC §7 `GET /stats`: contracts ending within this many days are listed as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;

/**
 * A contract of the project as its owner (the contracts service) describes it: R3's `active` and
 * `daysRemaining` are taken as given, so "today" is decided in one place.
 */
export interface IndicatorContract {
  id: string;
  type: string;
  endDate: string;
  active: boolean;
  daysRemaining: number;
}

export interface ContractTickets {
  /** Null gathers the tickets opened without a contract. */
  contractId: string | null;
  /** The contract's type; null for the tickets without a contract. */
  type: string | null;
  free: number;
  billable: number;
}

export interface ProjectIndicators extends Omit<TicketStats, 'byContract'> {
  /** Every contract of the project (zeroes included), then the tickets without one, if any. */
  byContract: ContractTickets[];
  /** Active contracts ending within `EXPIRING_WITHIN_DAYS`, soonest first. */
  expiringContracts: Pick<IndicatorContract, 'id' | 'type' | 'endDate' | 'daysRemaining'>[];
}

/** The dashboard of one project (SPEC §9): its tickets' figures beside its contracts. */
export function projectIndicators(
  tickets: readonly StatsTicket[],
  contracts: readonly IndicatorContract[],
  now: Date,
): ProjectIndicators {
  const stats = ticketStats(tickets, now);
  const split = new Map(stats.byContract.map((entry) => [entry.contractId, entry]));
  const known = new Set(contracts.map((contract) => contract.id));
  const byContract: ContractTickets[] = [
    ...contracts.map((contract) => ({
      contractId: contract.id,
      type: contract.type,
      free: split.get(contract.id)?.free ?? 0,
      billable: split.get(contract.id)?.billable ?? 0,
    })),
    // Tickets without a contract, or naming one the contracts service no longer lists.
    ...stats.byContract
      .filter((entry) => entry.contractId === null || !known.has(entry.contractId))
      .map((entry) => ({ ...entry, type: null })),
  ];
  const expiringContracts = contracts
    .filter((contract) => contract.active && contract.daysRemaining <= EXPIRING_WITHIN_DAYS)
    .sort((a, b) => a.daysRemaining - b.daysRemaining || a.id.localeCompare(b.id))
    .map(({ id, type, endDate, daysRemaining }) => ({ id, type, endDate, daysRemaining }));
  return { ...stats, byContract, expiringContracts };
}
