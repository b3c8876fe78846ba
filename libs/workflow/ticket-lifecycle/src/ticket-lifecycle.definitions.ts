import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  type Actor,
  type IssueBilletInput,
  type RecordInterventionInput,
  type SubmitReportInput,
} from '@mg/interventions-domain';
import { type TicketCommandType, type TicketStatus } from '@mg/tickets-domain';
import {
  type IssuedBillet,
  type RecordedIntervention,
  type SubmittedReport,
  type ValidatedReport,
} from './ticket-lifecycle.activities';

/**
 * The ticket-lifecycle workflow's public surface: its input, its updates and its query. Services
 * import these to drive the workflow (`handle.executeUpdate(issueBilletUpdate, …)`); only the
 * worker imports the workflow function itself.
 */
export interface TicketLifecycleInput {
  ticketId: string;
  /** `MAINT-00001`; the workflow id is `ticket-<number>`. */
  number: string;
  projectId: string;
  /** R6, decided at creation. */
  billable: boolean;
  /** Defaults to OPEN; set when a ticket is adopted mid-lifecycle. */
  status?: TicketStatus;
  rejectionReason?: string | null;
  /** Only set by the workflow itself when it continues as new. */
  resumeFrom?: TicketLifecycleProgress;
  /** Where the services' activities run; tests point these at queues of their own. */
  activityTaskQueues?: ActivityTaskQueues;
  /** Continue as new past this many history events (default 10 000; tests lower it). */
  maxHistoryEvents?: number;
}

export interface ActivityTaskQueues {
  tickets: string;
  interventions: string;
}

/** `TicketLifecycleState` as it crosses the wire: instants are ISO 8601 strings. */
export interface TicketLifecycleSnapshot {
  status: TicketStatus;
  billable: boolean;
  rejectionReason: string | null;
  assigneeId: string | null;
  validatedReportId: string | null;
  firstBilletAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rejectedAt: string | null;
}

export interface KnownBillet {
  id: string;
  developerId: string;
}

export interface KnownIntervention {
  id: string;
  billetId: string;
}

export interface KnownReport {
  id: string;
  interventionId: string;
  authorId: string;
  validatedAt: string | null;
}

/** What the `progress` query answers: enough for the console to draw the ticket's steps. */
export interface TicketLifecycleProgress {
  ticketId: string;
  number: string;
  projectId: string;
  lifecycle: TicketLifecycleSnapshot;
  billets: KnownBillet[];
  interventions: KnownIntervention[];
  reports: KnownReport[];
  /** The lifecycle commands the ticket accepts now (R9/R10). */
  availableCommands: TicketCommandType[];
}

export interface ByActor {
  actor: Actor;
  /** The HTTP request behind the update, carried into the audit rows. */
  requestId?: string | null;
}

export type IssueBilletUpdate = ByActor & Omit<IssueBilletInput, 'ticketId'>;
export type RecordInterventionUpdate = ByActor & RecordInterventionInput;
export type SubmitReportUpdate = ByActor & SubmitReportInput;
export type ValidateReportUpdate = ByActor & { reportId: string };
export type ReasonUpdate = ByActor & { reason: string };

/** Every update answers the resulting progress, plus what the step created. */
export type UpdateResult<T = object> = T & { progress: TicketLifecycleProgress };

export const issueBilletUpdate = defineUpdate<UpdateResult<IssuedBillet>, [IssueBilletUpdate]>(
  'issueBillet',
);
export const recordInterventionUpdate = defineUpdate<
  UpdateResult<RecordedIntervention>,
  [RecordInterventionUpdate]
>('recordIntervention');
export const submitReportUpdate = defineUpdate<UpdateResult<SubmittedReport>, [SubmitReportUpdate]>(
  'submitReport',
);
export const validateReportUpdate = defineUpdate<
  UpdateResult<ValidatedReport>,
  [ValidateReportUpdate]
>('validateReport');
export const closeUpdate = defineUpdate<UpdateResult, [ByActor]>('close');
export const rejectUpdate = defineUpdate<UpdateResult, [ReasonUpdate]>('reject');
export const reopenUpdate = defineUpdate<UpdateResult, [ReasonUpdate]>('reopen');

export const progressQuery = defineQuery<TicketLifecycleProgress>('progress');

/** The workflow id of a ticket's lifecycle (SPEC §3). */
export const ticketLifecycleWorkflowId = (number: string): string => `ticket-${number}`;
