import {
  type Actor,
  type InterventionWarning,
  type IssueBilletInput,
  type RecordInterventionInput,
  type SubmitReportInput,
} from '@mg/interventions-domain';
import {
  type TicketCommand,
  type TicketStatus,
  type TicketTransitionEvent,
} from '@mg/tickets-domain';

/**
 * What the ticket-lifecycle workflow asks the owning services to write. The workflow decides the
 * order (SPEC §3); each activity writes its service's rows and publishes its events, and refuses
 * with a non-retryable `ApplicationFailure` whose `type` is the domain error code (e.g. R12
 * `DEVELOPER_NOT_ELIGIBLE`, which needs the identity and contracts data the workflow lacks).
 *
 * Workflow code references this interface as a type only (`proxyActivities<…>`).
 */
export interface TicketLifecycleActivities {
  /** Tickets service: the ticket's new status (R9), and its event when the transition has one. */
  recordTicketTransition(input: RecordTicketTransitionInput): Promise<void>;
  /** Interventions service: a new billet (R11–R13). */
  issueBillet(input: IssueBilletActivityInput): Promise<IssuedBillet>;
  /** Interventions service: work done under a billet (R14–R16). */
  recordIntervention(input: RecordInterventionActivityInput): Promise<RecordedIntervention>;
  /** Interventions service: the technical report of an intervention (R17). */
  submitReport(input: SubmitReportActivityInput): Promise<SubmittedReport>;
  /** Interventions service: the report's validation (R18); the workflow then resolves the ticket. */
  validateReport(input: ValidateReportActivityInput): Promise<void>;
}

/** Where a write belongs and who asked for it: every activity input carries it. */
export interface TicketReference {
  ticketId: string;
  projectId: string;
  actor: Actor;
  /** The workflow's deterministic time of the step, ISO 8601. */
  occurredAt: string;
}

export interface RecordTicketTransitionInput extends TicketReference {
  number: string;
  command: TicketCommand;
  status: TicketStatus;
  event: TicketTransitionEvent | null;
}

export type IssueBilletActivityInput = TicketReference & Omit<IssueBilletInput, 'ticketId'>;
export type RecordInterventionActivityInput = TicketReference & RecordInterventionInput;
export type SubmitReportActivityInput = TicketReference & SubmitReportInput;
export interface ValidateReportActivityInput extends TicketReference {
  reportId: string;
}

export interface IssuedBillet {
  billetId: string;
  number: string;
}

export interface RecordedIntervention {
  interventionId: string;
  warnings: InterventionWarning[];
}

export interface SubmittedReport {
  reportId: string;
}
