import { type Ticket } from '@mg/tickets-domain';
import { type Prisma } from './generated/prisma/client';

/**
 * A ticket as this slice stores it. Escalations (SPEC §6) are not stored yet: they come with the
 * SLA slice, so the type says they are missing rather than answering an empty list.
 */
export type StoredTicket = Omit<Ticket, 'escalations'>;

export const ticketColumns = {
  id: true,
  number: true,
  projectId: true,
  contractId: true,
  title: true,
  description: true,
  severity: true,
  origin: true,
  status: true,
  billable: true,
  rejectionReason: true,
  assigneeId: true,
  createdById: true,
  slaDeadline: true,
  resolutionDeadline: true,
  validatedReportId: true,
  firstBilletAt: true,
  resolvedAt: true,
  closedAt: true,
  rejectedAt: true,
  createdAt: true,
} as const satisfies Prisma.TicketSelect;

type TicketRow = Prisma.TicketGetPayload<{ select: typeof ticketColumns }>;

export const toTicket = (row: TicketRow): StoredTicket => ({ ...row });

/** The columns of a new ticket row, from the domain's ticket and its R5 sequence value. */
export function toTicketColumns(
  ticket: StoredTicket,
  sequence: number,
): Prisma.TicketUncheckedCreateInput {
  return {
    id: ticket.id,
    number: ticket.number,
    sequence: BigInt(sequence),
    projectId: ticket.projectId,
    contractId: ticket.contractId,
    title: ticket.title,
    description: ticket.description,
    severity: ticket.severity,
    origin: ticket.origin,
    status: ticket.status,
    billable: ticket.billable,
    rejectionReason: ticket.rejectionReason,
    assigneeId: ticket.assigneeId,
    createdById: ticket.createdById,
    slaDeadline: ticket.slaDeadline,
    resolutionDeadline: ticket.resolutionDeadline,
    validatedReportId: ticket.validatedReportId,
    firstBilletAt: ticket.firstBilletAt,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    rejectedAt: ticket.rejectedAt,
    createdAt: ticket.createdAt,
  };
}
