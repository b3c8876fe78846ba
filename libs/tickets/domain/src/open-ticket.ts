import { assessCoverage, type CoveringContract } from './coverage';
import { elapsedHours, isProcessable } from './ticket-metrics';
import { formatTicketNumber } from './ticket-number';
import { isTicketSlaBreached, slaClocks } from './sla';
import { type CreateTicketInput } from './ticket.schemas';
import { type Ticket, type TicketView } from './ticket.types';

export interface TicketContract extends CoveringContract {
  id: string;
  slaHours: number;
  resolutionHours: number | null;
}

/**
 * A new ticket: R5 number from the sequence value, R6 coverage, SPEC §6 deadlines. `contract` is
 * the one named by `input.contractId`, as read from the contracts service.
 */
export function openTicket(args: {
  id: string;
  sequence: number;
  createdById: string;
  input: CreateTicketInput;
  contract: TicketContract | null;
  now: Date;
  timeZone?: string;
}): Ticket {
  const { input, contract, now } = args;
  if ((input.contractId ?? null) !== (contract?.id ?? null)) {
    throw new Error('openTicket: the contract given is not the one the ticket names');
  }
  const coverage = assessCoverage({
    ticketProjectId: input.projectId,
    contract,
    now,
    timeZone: args.timeZone,
  });
  const clocks = contract
    ? slaClocks({
        createdAt: now,
        slaHours: contract.slaHours,
        resolutionHours: contract.resolutionHours,
        billable: coverage.billable,
      })
    : { response: null, resolution: null };
  return {
    id: args.id,
    number: formatTicketNumber(args.sequence),
    projectId: input.projectId,
    contractId: contract?.id ?? null,
    title: input.title,
    description: input.description,
    severity: input.severity,
    origin: input.origin,
    createdById: args.createdById,
    createdAt: now,
    status: 'OPEN',
    billable: coverage.billable,
    rejectionReason: coverage.rejectionReason,
    assigneeId: null,
    validatedReportId: null,
    firstBilletAt: null,
    resolvedAt: null,
    closedAt: null,
    rejectedAt: null,
    slaDeadline: clocks.response?.deadline ?? null,
    resolutionDeadline: clocks.resolution?.deadline ?? null,
    escalations: [],
  };
}

export function presentTicket(ticket: Ticket, now: Date): TicketView {
  return {
    ...ticket,
    processable: isProcessable(ticket),
    elapsedHours: elapsedHours(ticket, now),
    slaBreached: isTicketSlaBreached(ticket, now),
  };
}
