import { formatTicketNumber } from '@mg/tickets-domain';
import { inTransaction, type TicketsDatabaseClient } from './database-client';
import { nextSequenceValue } from '@mg/shared-database';
import { type StoredTicket, ticketColumns, toTicket, toTicketColumns } from './ticket-rows';

/** Builds the new ticket once its R5 sequence value is known (typically `openTicket`). */
export type OpenTicket = (sequence: number) => StoredTicket;

/** The only code that reads and writes tickets; it speaks domain types. */
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
   * R5: allocates the next ticket number and inserts the ticket in one transaction (the unit of
   * work's, or its own when this repository runs on the pooled client). Concurrent creations
   * queue on the counter row; a creation that rolls back gives its number back.
   */
  async create(open: OpenTicket): Promise<StoredTicket> {
    return inTransaction(this.db, this.joined, async (tx) => {
      const sequence = await nextSequenceValue(tx, 'ticket');
      const ticket = open(sequence);
      if (ticket.number !== formatTicketNumber(sequence)) {
        throw new Error(`Ticket ${ticket.number} was not numbered from sequence value ${sequence}`);
      }
      return toTicket(
        await tx.ticket.create({ data: toTicketColumns(ticket, sequence), select: ticketColumns }),
      );
    });
  }
}
