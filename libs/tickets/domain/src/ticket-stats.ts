import { isTicketSlaBreached } from './sla';
import {
  SEVERITIES,
  TICKET_STATUSES,
  type Severity,
  type Ticket,
  type TicketStatus,
} from './ticket.types';

export type StatsTicket = Pick<
  Ticket,
  | 'id'
  | 'number'
  | 'status'
  | 'severity'
  | 'contractId'
  | 'billable'
  | 'createdAt'
  | 'resolvedAt'
  | 'slaDeadline'
  | 'firstBilletAt'
  | 'rejectedAt'
>;

export interface ContractTicketSplit {
  /** Null gathers the tickets opened without a contract. */
  contractId: string | null;
  free: number;
  billable: number;
}

export interface TicketStats {
  total: number;
  byStatus: Record<TicketStatus, number>;
  bySeverity: Record<Severity, number>;
  slaBreached: { id: string; number: string }[];
  /** Mean of creation → resolution over the tickets currently resolved or closed; null if none. */
  meanResolutionHours: number | null;
  byContract: ContractTicketSplit[];
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** The tickets half of GET /stats (contracts expiring soon come from the contracts service). */
export function ticketStats(tickets: readonly StatsTicket[], now: Date): TicketStats {
  const byStatus = zeroes(TICKET_STATUSES);
  const bySeverity = zeroes(SEVERITIES);
  const byContract = new Map<string | null, ContractTicketSplit>();
  const resolutionMs: number[] = [];
  const slaBreached: TicketStats['slaBreached'] = [];

  for (const ticket of tickets) {
    byStatus[ticket.status] += 1;
    bySeverity[ticket.severity] += 1;
    const split = byContract.get(ticket.contractId) ?? {
      contractId: ticket.contractId,
      free: 0,
      billable: 0,
    };
    if (ticket.billable) split.billable += 1;
    else split.free += 1;
    byContract.set(ticket.contractId, split);
    if (ticket.resolvedAt)
      resolutionMs.push(ticket.resolvedAt.getTime() - ticket.createdAt.getTime());
    if (isTicketSlaBreached(ticket, now))
      slaBreached.push({ id: ticket.id, number: ticket.number });
  }

  const mean =
    resolutionMs.length === 0
      ? null
      : Math.round(resolutionMs.reduce((a, b) => a + b, 0) / resolutionMs.length / 36_000) / 100;
  return {
    total: tickets.length,
    byStatus,
    bySeverity,
    slaBreached,
    meanResolutionHours: mean,
    byContract: [...byContract.values()],
  };
}
