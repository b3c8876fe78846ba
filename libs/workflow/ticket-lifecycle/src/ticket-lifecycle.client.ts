import {
  type Client,
  isGrpcServiceError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { DomainError, ERROR_CODES, type ErrorCode, type FieldError } from '@mg/shared-kernel';
import {
  progressQuery,
  ticketLifecycleWorkflowId,
  type TicketLifecycleInput,
  type TicketLifecycleProgress,
} from './ticket-lifecycle.definitions';
import { type ticketLifecycleWorkflow } from './ticket-lifecycle.workflow';

/** The workflow type's name, as registered by the worker's bundle (and shown in the Web UI). */
const WORKFLOW_TYPE = 'ticketLifecycleWorkflow';

export interface TicketLifecycleClientOptions {
  /** Where the workflows and the services' activities run; tests use queues of their own. */
  taskQueues: { workflow: string; tickets: string; interventions: string };
  /**
   * Put before `ticket-<number>` (config `TEMPORAL_PREFIX`, empty in production): two systems on
   * one Temporal server (a test's and a developer's) number their tickets alike.
   */
  workflowIdPrefix?: string;
  /** How long an HTTP request waits for a start or an update before answering 503 (default 30 s). */
  updateTimeoutMs?: number;
  /** How long a read waits for the progress query before going without it (default 3 s). */
  queryTimeoutMs?: number;
}

export interface UpdateCallOptions {
  /**
   * Temporal answers a second update with the same id on the same run with the first one's
   * outcome: derived from the request's Idempotency-Key, a retried request cannot apply its step
   * twice.
   */
  updateId?: string;
}

const isErrorCode = (type: string | null | undefined): type is ErrorCode =>
  (ERROR_CODES as readonly string[]).includes(type ?? '');

/**
 * How the services drive a ticket's workflow (`ticket-<number>`): start it once, send it the
 * lifecycle updates, read its progress. A refusal comes back as the `DomainError` the workflow's
 * rules threw, with the same stable code (SPEC §4), ready for problem+json.
 */
export class TicketLifecycleClient {
  constructor(
    private readonly client: Client,
    private readonly options: TicketLifecycleClientOptions,
  ) {}

  /** The ticket's workflow id on this system. */
  workflowIdOf(number: string): string {
    return `${this.options.workflowIdPrefix ?? ''}${ticketLifecycleWorkflowId(number)}`;
  }

  /**
   * Idempotent: starting a ticket's workflow again finds the running one, and never starts a
   * second run after the ticket's lifecycle ended. Answers false in that last case.
   * @throws DomainError SERVICE_UNAVAILABLE when Temporal does not answer in time
   */
  async start(ticket: TicketLifecycleInput): Promise<boolean> {
    try {
      return await this.withinUpdateTimeout(() => this.startWorkflow(ticket));
    } catch (error) {
      throw toDomainError(error);
    }
  }

  /**
   * Sends one lifecycle update and waits for its result. A ticket whose workflow was never
   * started (its start failed after the ticket was saved) gets it started first.
   * @throws DomainError the workflow's refusal; INVALID_TRANSITION once the lifecycle has ended;
   *   SERVICE_UNAVAILABLE when the workflow does not answer in time (the step may still happen)
   */
  async update<Result, Arg>(
    ticket: TicketLifecycleInput,
    definition: UpdateDefinition<Result, [Arg]>,
    arg: Arg,
    options: UpdateCallOptions = {},
  ): Promise<Result> {
    try {
      // One deadline for the whole exchange, however many calls it takes.
      return await this.withinUpdateTimeout(() =>
        this.sendStartingFirst(ticket, definition, arg, options),
      );
    } catch (error) {
      throw toDomainError(error);
    }
  }

  /** The ticket's progress, or null when its workflow cannot answer now (reads go on without). */
  async progress(number: string): Promise<TicketLifecycleProgress | null> {
    const handle = this.client.workflow.getHandle(this.workflowIdOf(number));
    try {
      return await this.client.connection.withDeadline(
        Date.now() + (this.options.queryTimeoutMs ?? 3_000),
        () => handle.query(progressQuery),
      );
    } catch {
      return null;
    }
  }

  private async startWorkflow(ticket: TicketLifecycleInput): Promise<boolean> {
    const existing = await this.describe(ticket.number);
    // A run without a memo predates them: it cannot be told stale, so it stays this ticket's.
    const sameTicket = existing?.ticketId === undefined || existing.ticketId === ticket.ticketId;
    if (existing && sameTicket) return existing.running;
    if (existing?.running) {
      // Left by a database this system no longer has (numbers restart after a reset): the
      // number now names another ticket, whose workflow this one must not stand in for.
      await this.client.workflow
        .getHandle(this.workflowIdOf(ticket.number))
        .terminate(`Ticket ${ticket.number} is now ${ticket.ticketId}; this run was for another`);
    }
    const { workflow, tickets, interventions } = this.options.taskQueues;
    try {
      await this.client.workflow.start<typeof ticketLifecycleWorkflow>(WORKFLOW_TYPE, {
        taskQueue: workflow,
        workflowId: this.workflowIdOf(ticket.number),
        args: [{ ...ticket, activityTaskQueues: { tickets, interventions } }],
        memo: { ticketId: ticket.ticketId },
        // A running workflow is the one we want; a finished one of this ticket is never started
        // again (a stale one, of another ticket, is replaced).
        workflowIdReusePolicy: existing ? 'ALLOW_DUPLICATE' : 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      return true;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw error;
    }
  }

  /** Which ticket the workflow under this number belongs to, and whether it runs; null if none. */
  private async describe(number: string): Promise<{ ticketId: unknown; running: boolean } | null> {
    try {
      const description = await this.client.workflow
        .getHandle(this.workflowIdOf(number))
        .describe();
      return {
        ticketId: description.memo?.['ticketId'],
        running: description.status.name === 'RUNNING',
      };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  private async sendStartingFirst<Result, Arg>(
    ticket: TicketLifecycleInput,
    definition: UpdateDefinition<Result, [Arg]>,
    arg: Arg,
    options: UpdateCallOptions,
  ): Promise<Result> {
    const send = () => this.send(ticket.number, definition, arg, options);
    try {
      return await send();
    } catch (error) {
      // Never started, or already ended: the server answers both as "not found".
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    if (!(await this.startWorkflow(ticket))) {
      // Temporal forgets update ids once a workflow has ended: a retry of the very update that
      // ended it (a close that answered too late) gets its answer from the history.
      const earlier = options.updateId
        ? await this.answerOfEnded<Result>(ticket.number, options.updateId)
        : null;
      if (earlier) return earlier.result;
      throw lifecycleEnded(ticket.number);
    }
    try {
      return await send();
    } catch (error) {
      // It ended between the start and the update.
      throw error instanceof WorkflowNotFoundError ? lifecycleEnded(ticket.number) : error;
    }
  }

  /** What the ended workflow answered the update `updateId`, if it completed one. */
  private async answerOfEnded<Result>(
    number: string,
    updateId: string,
  ): Promise<{ result: Result } | null> {
    const handle = this.client.workflow.getHandle(this.workflowIdOf(number));
    const { events } = await handle.fetchHistory();
    for (const event of events ?? []) {
      const completed = event.workflowExecutionUpdateCompletedEventAttributes;
      const payload = completed?.outcome?.success?.payloads?.[0];
      if (completed?.meta?.updateId === updateId && payload) {
        // The services use the default data converter, without a payload codec.
        const { payloadConverter } = this.client.options.loadedDataConverter;
        return { result: payloadConverter.fromPayload<Result>(payload) };
      }
    }
    return null;
  }

  private send<Result, Arg>(
    number: string,
    definition: UpdateDefinition<Result, [Arg]>,
    arg: Arg,
    { updateId }: UpdateCallOptions,
  ): Promise<Result> {
    const handle = this.client.workflow.getHandle(this.workflowIdOf(number));
    return handle.executeUpdate(definition, { args: [arg], updateId });
  }

  /**
   * A gRPC deadline rather than an abort signal: the SDK's retries of an unreachable server
   * (about 20 s) honour the deadline, but ignore a signal that fired between two attempts.
   */
  private withinUpdateTimeout<T>(call: () => Promise<T>): Promise<T> {
    return this.client.connection.withDeadline(
      Date.now() + (this.options.updateTimeoutMs ?? 30_000),
      call,
    );
  }
}

const lifecycleEnded = (number: string): DomainError =>
  new DomainError('INVALID_TRANSITION', `The lifecycle of ticket ${number} has ended`);

/** gRPC statuses that say "Temporal cannot answer now" (in time), not "the request is wrong". */
const UNAVAILABLE_STATUSES: readonly number[] = [
  4, // DEADLINE_EXCEEDED
  8, // RESOURCE_EXHAUSTED
  14, // UNAVAILABLE
];

/**
 * The workflow's refusal as the domain error it was; Temporal out of reach (or too slow) as
 * SERVICE_UNAVAILABLE; anything else is a fault of ours and stays what it is (500).
 */
function toDomainError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    if (isErrorCode(failure.type)) {
      const [fieldErrors] = (failure.details ?? []) as [FieldError[] | undefined];
      return new DomainError(failure.type, failure.message, fieldErrors);
    }
  }
  // Our own deadline surfaces as an update call that timed out.
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isUnreachable(error)) {
    return new DomainError(
      'SERVICE_UNAVAILABLE',
      'The ticket’s workflow did not answer in time; the step may still complete, retry with the same Idempotency-Key',
    );
  }
  return error;
}

function isUnreachable(error: unknown): boolean {
  const grpcError = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(grpcError) && UNAVAILABLE_STATUSES.includes(grpcError.code);
}
