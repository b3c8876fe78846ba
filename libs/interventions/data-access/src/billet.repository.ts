import { type Billet, formatBilletNumber } from '@mg/interventions-domain';
import { nextSequenceValue } from '@mg/shared-database';
import { inTransaction, type InterventionsDatabaseClient } from './database-client';
import { billetColumns, toBillet } from './intervention-rows';
import { afterPosition, LIST_ORDER, type ListWindow } from './list-position';
import { lockOnId, type WriteOnce } from './write-once';

/** A billet to issue, under the id its workflow chose: everything but its R13 number. */
export type NewBillet = Omit<Billet, 'number'>;

/** The only code that reads and writes billets; it speaks domain types. */
export class BilletRepository {
  /**
   * @param db the pooled client, or the client of an open transaction
   * @param joined true when `db` is a transaction's client: writes then take part in it rather
   *   than open their own (`InterventionsTransactions` passes it)
   */
  constructor(
    private readonly db: InterventionsDatabaseClient,
    private readonly joined = false,
  ) {}

  async findById(id: string): Promise<Billet | null> {
    const row = await this.db.billet.findUnique({ where: { id }, select: billetColumns });
    return row ? toBillet(row) : null;
  }

  /** Up to `limit + 1` billets of one ticket in (issuedAt, id) order, after `after`. */
  async listByTicket(ticketId: string, window: ListWindow): Promise<Billet[]> {
    const rows = await this.db.billet.findMany({
      where: { AND: [{ ticketId }, afterPosition(window.after)] },
      select: billetColumns,
      orderBy: LIST_ORDER,
      take: window.limit + 1,
    });
    return rows.map(toBillet);
  }

  /**
   * R13: allocates the next billet number and inserts the billet in one transaction (the unit of
   * work's, or its own on the pooled client). Concurrent issues queue on the counter row; an
   * issue that rolls back gives its number back. Idempotent on `billet.id`: a billet already
   * stored under that id is answered as it is, and no number is taken.
   */
  async create({ issuedAt, ...billet }: NewBillet): Promise<WriteOnce<Billet>> {
    return inTransaction(this.db, this.joined, async (tx) => {
      await lockOnId(tx, billet.id);
      const existing = await tx.billet.findUnique({
        where: { id: billet.id },
        select: billetColumns,
      });
      if (existing) return { entity: toBillet(existing), created: false };
      const sequence = await nextSequenceValue(tx, 'billet');
      const row = await tx.billet.create({
        data: {
          ...billet,
          number: formatBilletNumber(sequence),
          sequence: BigInt(sequence),
          createdAt: issuedAt,
        },
        select: billetColumns,
      });
      return { entity: toBillet(row), created: true };
    });
  }
}
