import { type Intervention } from '@mg/interventions-domain';
import { type InterventionsDatabaseClient } from './database-client';
import { interventionColumns, toIntervention } from './intervention-rows';

/** An intervention to record; its ticket and project are its billet's. */
export type NewIntervention = Omit<Intervention, 'id' | 'ticketId' | 'projectId'>;

/** The only code that reads and writes interventions; it speaks domain types. */
export class InterventionRepository {
  constructor(private readonly db: InterventionsDatabaseClient) {}

  async findById(id: string): Promise<Intervention | null> {
    const row = await this.db.intervention.findUnique({
      where: { id },
      select: interventionColumns,
    });
    return row ? toIntervention(row) : null;
  }

  async create({ recordedAt, warnings, ...intervention }: NewIntervention): Promise<Intervention> {
    const row = await this.db.intervention.create({
      data: { ...intervention, warnings: [...warnings], createdAt: recordedAt },
      select: interventionColumns,
    });
    return toIntervention(row);
  }
}
