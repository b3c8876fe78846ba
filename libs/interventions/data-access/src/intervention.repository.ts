import { type Intervention } from '@mg/interventions-domain';
import { inTransaction, type InterventionsDatabaseClient } from './database-client';
import { interventionColumns, toIntervention } from './intervention-rows';
import { afterPosition, LIST_ORDER, type ListWindow } from './list-position';
import { lockOnId, type WriteOnce } from './write-once';

/** An intervention to record, under the id its workflow chose; its ticket and project are its billet's. */
export type NewIntervention = Omit<Intervention, 'ticketId' | 'projectId'>;

/** The only code that reads and writes interventions; it speaks domain types. */
export class InterventionRepository {
  /** @param joined true when `db` is a transaction's client (see `BilletRepository`) */
  constructor(
    private readonly db: InterventionsDatabaseClient,
    private readonly joined = false,
  ) {}

  async findById(id: string): Promise<Intervention | null> {
    const row = await this.db.intervention.findUnique({
      where: { id },
      select: interventionColumns,
    });
    return row ? toIntervention(row) : null;
  }

  /** Up to `limit + 1` interventions of one billet in (recordedAt, id) order, after `after`. */
  async listByBillet(billetId: string, window: ListWindow): Promise<Intervention[]> {
    const rows = await this.db.intervention.findMany({
      where: { AND: [{ billetId }, afterPosition(window.after)] },
      select: interventionColumns,
      orderBy: LIST_ORDER,
      take: window.limit + 1,
    });
    return rows.map(toIntervention);
  }

  /** Idempotent on `intervention.id`: an intervention already stored under it is answered as is. */
  async create({
    recordedAt,
    warnings,
    ...intervention
  }: NewIntervention): Promise<WriteOnce<Intervention>> {
    return inTransaction(this.db, this.joined, async (tx) => {
      await lockOnId(tx, intervention.id);
      const existing = await tx.intervention.findUnique({
        where: { id: intervention.id },
        select: interventionColumns,
      });
      if (existing) return { entity: toIntervention(existing), created: false };
      const row = await tx.intervention.create({
        data: { ...intervention, warnings: [...warnings], createdAt: recordedAt },
        select: interventionColumns,
      });
      return { entity: toIntervention(row), created: true };
    });
  }
}
