import {
  type Actor,
  type InterventionWarning,
  type IssueBilletInput,
  type RecordInterventionInput,
  type SubmitReportInput,
} from '@mg/interventions-domain';
import { type TicketTransitionEvent } from '@mg/tickets-domain';
import { type TicketLifecycleSnapshot } from './ticket-lifecycle.definitions';

/**
 * What the ticket-lifecycle workflow asks the owning services to write (SPEC §3). The workflow
 * decides the order; each service hosts its activities on its own task queue, writes its own
 * rows and enqueues their events in the same transaction.
 *
 * Every write carries an id the workflow generated deterministically (`uuid4()`): an activity
 * retried after a crash finds its row already there and writes nothing twice, events included.
 *
 * Workflow code references these interfaces as types only (`proxyActivities<…>`).
 */

/** The task queue of the activities the tickets service hosts. */
export const TICKETS_TASK_QUEUE = 'tickets';
/** The task queue of the activities the interventions service hosts. */
export const INTERVENTIONS_TASK_QUEUE = 'interventions';

/** Where a write belongs, who asked for it and when: every activity input carries it. */
export interface StepContext {
  ticketId: string;
  projectId: string;
  actor: Actor;
  /** The workflow's deterministic time of the step, ISO 8601. */
  occurredAt: string;
  /** The HTTP request that asked for the step, echoed into audit rows; null when none did. */
  requestId: string | null;
}

/** The steps of a ticket's timeline after its creation, named like their events (SPEC §8). */
export const TICKET_STEP_KINDS = [
  'billet.issued',
  'intervention.recorded',
  'report.submitted',
  'report.validated',
  'ticket.closed',
  'ticket.rejected',
  'ticket.reopened',
] as const;
export type TicketStepKind = (typeof TICKET_STEP_KINDS)[number];

/** Scalars only, so a step's details read the same in the history, the audit and the UI. */
export type StepDetails = Record<string, string | number | boolean | null | readonly string[]>;

export interface TicketStepInput extends StepContext {
  /** The history row's id: a retried activity finds it and changes nothing. */
  stepId: string;
  kind: TicketStepKind;
  /** Given for rejections and reopenings. */
  reason: string | null;
  /** The ticket's lifecycle after the step, as the workflow now holds it (R9). */
  lifecycle: TicketLifecycleSnapshot;
  /** The ticket event this step publishes, when it has one (`billet.issued` is not the tickets' own). */
  event: TicketTransitionEvent | null;
  /** What the step produced, e.g. `{ billetId, billetNumber, developerId }`. */
  details: StepDetails;
}

/** Hosted by the tickets service on `TICKETS_TASK_QUEUE`. */
export interface TicketsActivities {
  /**
   * Appends the step to the ticket's history and mirrors the lifecycle onto the ticket row,
   * with the audit row and the ticket event, in one transaction; once per `stepId`.
   */
  recordTicketStep(input: TicketStepInput): Promise<void>;
}

export type IssueBilletActivityInput = StepContext &
  Omit<IssueBilletInput, 'ticketId'> & { billetId: string };
export type RecordInterventionActivityInput = StepContext &
  RecordInterventionInput & { interventionId: string };
export type SubmitReportActivityInput = StepContext & SubmitReportInput & { reportId: string };
export interface ValidateReportActivityInput extends StepContext {
  reportId: string;
}

export interface IssuedBillet {
  billetId: string;
  /** `BILLET-00001` (R13). */
  number: string;
}

export interface RecordedIntervention {
  interventionId: string;
  /** R16: `TIME_OVERRUN` when more than twice the billet's estimate was spent. */
  warnings: InterventionWarning[];
}

export interface SubmittedReport {
  reportId: string;
}

export interface ValidatedReport {
  reportId: string;
  validatedById: string;
  validatedAt: string;
}

/**
 * Hosted by the interventions service on `INTERVENTIONS_TASK_QUEUE`. Each call is idempotent on
 * the id it is given: called again, it answers what the first call wrote.
 */
export interface InterventionsActivities {
  /** A new billet (R13), numbered `BILLET-00001`…, with `billet.issued`. */
  issueBillet(input: IssueBilletActivityInput): Promise<IssuedBillet>;
  /** Work done under a billet (R14–R16), with `intervention.recorded` and maybe `.overrun`. */
  recordIntervention(input: RecordInterventionActivityInput): Promise<RecordedIntervention>;
  /** The technical report of an intervention (R17), with `report.submitted`. */
  submitReport(input: SubmitReportActivityInput): Promise<SubmittedReport>;
  /** The report's validation (R18), with `report.validated`; the workflow then resolves. */
  validateReport(input: ValidateReportActivityInput): Promise<ValidatedReport>;
}
