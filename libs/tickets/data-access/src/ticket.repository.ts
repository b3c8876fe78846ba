import { randomUUID } from 'node:crypto';
import { nextSequenceValue } from '@mg/shared-database';
import { DomainError } from '@mg/shared-kernel';
import {
  formatTicketNumber,
  type HistoryActor,
  type Severity,
  type StatsTicket,
  TICKET_CREATED_KIND,
  type TicketHistoryEntry,
  type TicketStatus,
} from '@mg/tickets-domain';
import { inTransaction, type TicketsDatabaseClient } from './database-client';
import { afterPosition, type ListPosition } from './list-position';
import {
  historyColumns,
  lifecycleColumns,
  type TicketStep,
  toHistoryColumns,
  toHistoryEntry,
} from './ticket-history-rows';
import { type StoredTicket, ticketColumns, toTicket, toTicketColumns } from './ticket-rows';

/** Builds the new ticket once its R5 sequence value is known (typically `openTicket`). */
export type OpenTicket = (sequence: number) => StoredTicket;

export interface TicketListQuery {
  /** Rows to return; the repository reads one more to tell whether another page follows. */
  limit: number;
  after?: ListPosition;
  /** Only tickets of these projects (a non-admin's memberships); omit for every project. */
  projectIds?: readonly string[];
  status?: TicketStatus;
  severity?: Severity;
  billable?: boolean;
}

/** What `applyStep` did: nothing when the step was already recorded (a retried activity). */
export type StepOutcome =
  { applied: false } | { applied: true; before: StoredTicket; after: StoredTicket };

const statsColumns = {
  id: true,
  number: true,
  status: true,
  severity: true,
  contractId: true,
  billable: true,
  createdAt: true,
  resolvedAt: true,
  slaDeadline: true,
  firstBilletAt: true,
  rejectedAt: true,
} as const;

/** The only code that reads and writes tickets and their history; it speaks domain types. */
export class TicketRepository {
  /**
   * @param db the pooled client, or the client of an open transaction
   * @param joined true when `db` is a transaction's client: writes then take part in it rather
   *   than open their own (`TicketsTransactions` passes it)
   */
  constructor(
    private readonly db: TicketsDatabaseClient,
    private readonly joined = false,
  ) {}

  async findById(id: string): Promise<StoredTicket | null> {
    const row = await this.db.ticket.findUnique({ where: { id }, select: ticketColumns });
    return row ? toTicket(row) : null;
  }

  /**
   * R5: allocates the next ticket number and inserts the ticket, with the first entry of its
   * history (`ticket.created` by `createdBy`), in one transaction (the unit of work's, or its
   * own). Concurrent creations queue on the counter row; one that rolls back gives its number back.
   */
  async create(open: OpenTicket, createdBy: HistoryActor): Promise<StoredTicket> {
    return inTransaction(this.db, this.joined, async (tx) => {
      const sequence = await nextSequenceValue(tx, 'ticket');
      const ticket = open(sequence);
      if (ticket.number !== formatTicketNumber(sequence)) {
        throw new Error(`Ticket ${ticket.number} was not numbered from sequence value ${sequence}`);
      }
      const created = toTicket(
        await tx.ticket.create({ data: toTicketColumns(ticket, sequence), select: ticketColumns }),
      );
      await tx.ticketHistory.create({
        data: toHistoryColumns({
          id: randomUUID(),
          ticketId: created.id,
          kind: TICKET_CREATED_KIND,
          actor: createdBy,
          occurredAt: created.createdAt,
          reason: null,
          statusAfter: created.status,
          details: {
            number: created.number,
            billable: created.billable,
            contractId: created.contractId,
            rejectionReason: created.rejectionReason,
          },
        }),
      });
      return created;
    });
  }

  /** Up to `limit + 1` tickets in (createdAt, id) order, after `after`. */
  async list(query: TicketListQuery): Promise<StoredTicket[]> {
    const rows = await this.db.ticket.findMany({
      select: ticketColumns,
      where: {
        AND: [
          query.after ? afterPosition(query.after) : {},
          query.projectIds ? { projectId: { in: [...query.projectIds] } } : {},
          query.status ? { status: query.status } : {},
          query.severity ? { severity: query.severity } : {},
          query.billable === undefined ? {} : { billable: query.billable },
        ],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: query.limit + 1,
    });
    return rows.map(toTicket);
  }

  /** Every ticket of a project, reduced to what the indicators need (SPEC §7 `GET /stats`). */
  async findStatsTickets(projectId: string): Promise<StatsTicket[]> {
    return this.db.ticket.findMany({
      where: { projectId },
      select: statsColumns,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** The ticket's timeline, oldest first: its creation, then its steps as they were recorded. */
  async history(ticketId: string): Promise<TicketHistoryEntry[]> {
    const rows = await this.db.ticketHistory.findMany({
      where: { ticketId },
      select: historyColumns,
      orderBy: { position: 'asc' },
    });
    return rows.map(toHistoryEntry);
  }

  /**
   * Appends a lifecycle step to the ticket's history and mirrors its lifecycle onto the ticket,
   * once per step id: when the step is already there (the activity ran before and is retried),
   * nothing changes and the outcome says so, so the caller writes no second audit row or event.
   * @throws DomainError NOT_FOUND when the ticket does not exist
   */
  async applyStep(step: TicketStep): Promise<StepOutcome> {
    return inTransaction(this.db, this.joined, async (tx) => {
      const before = await tx.ticket.findUnique({
        where: { id: step.ticketId },
        select: ticketColumns,
      });
      if (!before) throw new DomainError('NOT_FOUND', `No ticket has the id ${step.ticketId}.`);
      const { lifecycle, ...entry } = step;
      // ON CONFLICT DO NOTHING: a concurrent duplicate waits for the first one, then skips.
      const inserted = await tx.ticketHistory.createMany({
        data: [toHistoryColumns({ ...entry, statusAfter: lifecycle.status })],
        skipDuplicates: true,
      });
      if (inserted.count === 0) return { applied: false };
      const after = await tx.ticket.update({
        where: { id: step.ticketId },
        data: lifecycleColumns(lifecycle),
        select: ticketColumns,
      });
      return { applied: true, before: toTicket(before), after: toTicket(after) };
    });
  }
}
