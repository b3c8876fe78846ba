import { randomUUID } from 'node:crypto';
import { type Billet, type Intervention, type TechnicalReport } from '@mg/interventions-domain';
import { type EventActor, type EventEnvelope, type EventType } from '@mg/shared-kernel';

/** Bumped when the shape of `data` changes (SPEC §8 envelope `version`). */
export const INTERVENTION_EVENT_VERSION = 1;

/** What events (and audit rows) carry of each object: exactly what the API shows, dates as strings. */
export const billetData = ({ issuedAt, ...billet }: Billet) => ({
  ...billet,
  issuedAt: issuedAt.toISOString(),
});

export const interventionData = ({
  startedAt,
  endedAt,
  recordedAt,
  warnings,
  ...intervention
}: Intervention) => ({
  ...intervention,
  startedAt: startedAt.toISOString(),
  endedAt: endedAt?.toISOString() ?? null,
  warnings: [...warnings],
  recordedAt: recordedAt.toISOString(),
});

export const reportData = ({ submittedAt, validatedAt, ...report }: TechnicalReport) => ({
  ...report,
  submittedAt: submittedAt.toISOString(),
  validatedAt: validatedAt?.toISOString() ?? null,
});

/** When and by whom: the workflow step's own time and actor, so a retried step says the same. */
export interface EventOrigin {
  actor: EventActor;
  occurredAt: string;
}

export const billetIssued = (billet: Billet, origin: EventOrigin): EventEnvelope =>
  envelope('billet.issued', billet, origin, { billet: billetData(billet) });

export const interventionRecorded = (
  intervention: Intervention,
  origin: EventOrigin,
): EventEnvelope =>
  envelope('intervention.recorded', intervention, origin, {
    intervention: interventionData(intervention),
  });

/** R16: more than twice the estimate; says both numbers so a consumer needs nothing else. */
export const interventionOverrun = (
  intervention: Intervention,
  billet: Billet,
  origin: EventOrigin,
): EventEnvelope =>
  envelope('intervention.overrun', intervention, origin, {
    interventionId: intervention.id,
    billetId: billet.id,
    billetNumber: billet.number,
    developerId: billet.developerId,
    estimatedHours: billet.estimatedHours,
    hoursSpent: intervention.hoursSpent,
  });

export const reportSubmitted = (report: TechnicalReport, origin: EventOrigin): EventEnvelope =>
  envelope('report.submitted', report, origin, { report: reportData(report) });

export const reportValidated = (report: TechnicalReport, origin: EventOrigin): EventEnvelope =>
  envelope('report.validated', report, origin, { report: reportData(report) });

function envelope(
  type: EventType,
  subject: { projectId: string; ticketId: string },
  { actor, occurredAt }: EventOrigin,
  data: Record<string, unknown>,
): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version: INTERVENTION_EVENT_VERSION,
    occurredAt,
    actor,
    projectId: subject.projectId,
    ticketId: subject.ticketId,
    data,
  };
}
