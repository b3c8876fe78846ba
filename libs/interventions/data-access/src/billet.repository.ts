import { type Billet, formatBilletNumber } from '@mg/interventions-domain';
import { inTransaction, type InterventionsDatabaseClient } from './database-client';
import { billetColumns, toBillet } from './intervention-rows';
import { nextSequenceValue } from '@mg/shared-database';

/** A billet to issue: everything but its id and its R13 number, which the database gives. */
export type NewBillet = Omit<Billet, 'id' | 'number'>;

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

  /**
   * R13: allocates the next billet number and inserts the billet in one transaction (the unit of
   * work's, or its own on the pooled client). Concurrent issues queue on the counter row; an
   * issue that rolls back gives its number back.
   */
  async create({ issuedAt, ...billet }: NewBillet): Promise<Billet> {
    return inTransaction(this.db, this.joined, async (tx) => {
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
      return toBillet(row);
    });
  }
}
