import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { type Actor } from '@mg/interventions-domain';
import { isDomainError } from '@mg/shared-kernel';
import { type TicketCommand, type TransitionResult } from '@mg/tickets-domain';
import {
  type TicketLifecycleActivities,
  type TicketReference,
} from './ticket-lifecycle.activities';
import {
  closeUpdate,
  issueBilletUpdate,
  progressQuery,
  recordInterventionUpdate,
  rejectUpdate,
  reopenUpdate,
  submitReportUpdate,
  validateReportUpdate,
  type TicketLifecycleInput,
  type TicketLifecycleProgress,
  type UpdateResult,
} from './ticket-lifecycle.definitions';
import {
  checkRecordIntervention,
  checkSubmitReport,
  checkTransition,
  checkValidateReport,
  hasEnded,
  initialMemory,
  toProgress,
} from './ticket-lifecycle.memory';

const activities = proxyActivities<TicketLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 10,
  },
});

/** Well under the server's 50 k-event limit, so a chatty ticket never comes near it. */
const MAX_HISTORY_EVENTS = 10_000;

/** Workflow time: `Date.now()` is deterministic inside Temporal's sandbox. */
const now = (): Date => new Date(Date.now());

/** A domain refusal becomes a non-retryable failure typed by its stable code (SPEC §4). */
function asFailure(error: unknown): unknown {
  if (isDomainError(error)) {
    return ApplicationFailure.create({
      type: error.code,
      message: error.message,
      nonRetryable: true,
      details: error.fieldErrors ? [error.fieldErrors] : [],
    });
  }
  // An activity's own refusal reaches the caller with its code, not wrapped.
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
    return error.cause;
  }
  return error;
}

/** Update validators must stay synchronous: an async validator would never refuse. */
function refuse(check: () => unknown): void {
  try {
    check();
  } catch (error) {
    throw asFailure(error);
  }
}

/**
 * One ticket's lifecycle (SPEC §3): the single authority on the order billet → intervention →
 * report → validation → closure. Each update is refused synchronously by its validator when out
 * of order, then writes through the owning service's activity before the state moves.
 */
export async function ticketLifecycleWorkflow(
  input: TicketLifecycleInput,
): Promise<TicketLifecycleProgress> {
  const memory = initialMemory(input);
  let busy = false;

  const reference = (actor: Actor): TicketReference => ({
    ticketId: memory.ticketId,
    projectId: memory.projectId,
    actor,
    occurredAt: now().toISOString(),
  });

  /**
   * Steps run one at a time, and re-check their rule once their turn comes: a step accepted by
   * its validator may have been overtaken by another one while it waited.
   */
  async function step<T extends object>(
    recheck: () => unknown,
    run: () => Promise<T>,
  ): Promise<UpdateResult<T>> {
    await condition(() => !busy);
    busy = true;
    try {
      recheck();
      const result = await run();
      return { ...result, progress: toProgress(memory) };
    } catch (error) {
      throw asFailure(error);
    } finally {
      busy = false;
    }
  }

  /** The tickets service records a status change before the workflow adopts it. */
  async function apply(command: TicketCommand, next: TransitionResult, actor: Actor) {
    if (next.state.status !== memory.lifecycle.status) {
      await activities.recordTicketTransition({
        ...reference(actor),
        number: memory.number,
        command,
        status: next.state.status,
        event: next.event,
      });
    }
    memory.lifecycle = next.state;
  }

  const lifecycleStep = (command: TicketCommand, actor: Actor) =>
    step(
      () => checkTransition(memory, command, now()),
      async () => {
        await apply(command, checkTransition(memory, command, now()), actor);
        return {};
      },
    );

  setHandler(progressQuery, () => toProgress(memory));

  setHandler(
    issueBilletUpdate,
    ({ actor, ...billet }) => {
      const command: TicketCommand = { type: 'issueBillet', developerId: billet.developerId };
      return step(
        () => checkTransition(memory, command, now()),
        async () => {
          const issued = await activities.issueBillet({ ...reference(actor), ...billet });
          memory.billets.push({ id: issued.billetId, developerId: billet.developerId });
          await apply(command, checkTransition(memory, command, now()), actor);
          return issued;
        },
      );
    },
    {
      validator: ({ developerId }) =>
        refuse(() => checkTransition(memory, { type: 'issueBillet', developerId }, now())),
    },
  );

  setHandler(
    recordInterventionUpdate,
    ({ actor, ...work }) =>
      step(
        () => checkRecordIntervention(memory, work.billetId, actor),
        async () => {
          const recorded = await activities.recordIntervention({ ...reference(actor), ...work });
          memory.interventions.push({ id: recorded.interventionId, billetId: work.billetId });
          return recorded;
        },
      ),
    {
      validator: ({ billetId, actor }) =>
        refuse(() => checkRecordIntervention(memory, billetId, actor)),
    },
  );

  setHandler(
    submitReportUpdate,
    ({ actor, ...report }) =>
      step(
        () => checkSubmitReport(memory, report.interventionId),
        async () => {
          const submitted = await activities.submitReport({ ...reference(actor), ...report });
          memory.reports.push({
            id: submitted.reportId,
            interventionId: report.interventionId,
            authorId: actor.id,
            validatedAt: null,
          });
          return submitted;
        },
      ),
    { validator: ({ interventionId }) => refuse(() => checkSubmitReport(memory, interventionId)) },
  );

  setHandler(
    validateReportUpdate,
    ({ actor, reportId }) =>
      step(
        () => checkValidateReport(memory, reportId, actor, now()),
        async () => {
          const next = checkValidateReport(memory, reportId, actor, now());
          await activities.validateReport({ ...reference(actor), reportId });
          const validatedAt = now().toISOString();
          memory.reports = memory.reports.map((known) =>
            known.id === reportId ? { ...known, validatedAt } : known,
          );
          await apply({ type: 'resolve', reportId }, next, actor);
          return {};
        },
      ),
    {
      validator: ({ actor, reportId }) =>
        refuse(() => checkValidateReport(memory, reportId, actor, now())),
    },
  );

  setHandler(closeUpdate, ({ actor }) => lifecycleStep({ type: 'close' }, actor), {
    validator: (_update) => refuse(() => checkTransition(memory, { type: 'close' }, now())),
  });
  setHandler(
    rejectUpdate,
    ({ actor, reason }) => lifecycleStep({ type: 'reject', reason }, actor),
    {
      validator: ({ reason }) =>
        refuse(() => checkTransition(memory, { type: 'reject', reason }, now())),
    },
  );
  setHandler(
    reopenUpdate,
    ({ actor, reason }) => lifecycleStep({ type: 'reopen', reason }, actor),
    {
      validator: ({ reason }) =>
        refuse(() => checkTransition(memory, { type: 'reopen', reason }, now())),
    },
  );

  const historyTooLong = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > MAX_HISTORY_EVENTS;
  };
  await condition(() => hasEnded(memory) || historyTooLong());
  // Let accepted updates finish, so no caller is left without an answer.
  await condition(allHandlersFinished);
  if (!hasEnded(memory)) {
    return continueAsNew<typeof ticketLifecycleWorkflow>({
      ...input,
      resumeFrom: toProgress(memory),
    });
  }
  return toProgress(memory);
}
