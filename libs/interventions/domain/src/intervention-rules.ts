import { DomainError, isAllowed } from '@mg/shared-kernel';
import { type Actor, type Billet, type InterventionWarning } from './intervention.types';

/** R14: only the billet's own developer, or a project manager or admin, records work on it. */
export function assertMayRecordIntervention(args: {
  actor: Actor;
  billet: Pick<Billet, 'developerId'>;
}): void {
  const { actor, billet } = args;
  const supervises = actor.role === 'ADMIN' || actor.role === 'PROJECT_MANAGER';
  const ownsBillet =
    actor.id === billet.developerId && isAllowed(actor.role, 'interventions:record');
  if (!supervises && !ownsBillet) {
    throw new DomainError('FORBIDDEN', "Only the billet's developer may record work on it");
  }
}

/** R16: more than twice the estimate is accepted, with a warning (exactly twice is fine). */
export function interventionWarnings(
  hoursSpent: number,
  estimatedHours: number,
): InterventionWarning[] {
  return hoursSpent > 2 * estimatedHours ? ['TIME_OVERRUN'] : [];
}
