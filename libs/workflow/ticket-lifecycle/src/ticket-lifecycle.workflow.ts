import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { type TicketCommand, type TransitionResult } from '@mg/tickets-domain';
import {
  INTERVENTIONS_TASK_QUEUE,
  type InterventionsActivities,
  type StepContext,
  type StepDetails,
  TICKETS_TASK_QUEUE,
  type TicketsActivities,
  type TicketStepKind,
} from './ticket-lifecycle.activities';
import {
  type ByActor,
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
import { asFailure, refuse } from './ticket-lifecycle.failures';
import {
  checkRecordIntervention,
  checkSubmitReport,
  checkTransition,
  checkValidateReport,
  hasEnded,
  initialMemory,
  toProgress,
  toSnapshot,
} from './ticket-lifecycle.memory';

/**
 * A write the workflow has decided on must eventually happen (a database blip is not a reason to
 * lose a billet), so attempts are unlimited; a domain refusal is non-retryable and ends it.
 */
const ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
} as const;

/** Well under the server's 50 k-event limit, so a chatty ticket never comes near it. */
const MAX_HISTORY_EVENTS = 10_000;

/** Workflow time: `Date.now()` is deterministic inside Temporal's sandbox. */
const now = (): Date => new Date(Date.now());

/**
 * One ticket's lifecycle (SPEC §3): the single authority on the order billet → intervention →
 * report → validation → closure. Each update is refused synchronously by its validator when out
 * of order; an accepted one writes through the owning service's activity, then records the step
 * on the ticket (history, status, event) before the workflow's state moves.
 */
export async function ticketLifecycleWorkflow(
  input: TicketLifecycleInput,
): Promise<TicketLifecycleProgress> {
  const queues = input.activityTaskQueues ?? {
    tickets: TICKETS_TASK_QUEUE,
    interventions: INTERVENTIONS_TASK_QUEUE,
  };
  const tickets = proxyActivities<TicketsActivities>({
    ...ACTIVITY_OPTIONS,
    taskQueue: queues.tickets,
  });
  const interventions = proxyActivities<InterventionsActivities>({
    ...ACTIVITY_OPTIONS,
    taskQueue: queues.interventions,
  });
  const memory = initialMemory(input);
  /**
   * The tail of the queue of steps. A `busy` flag awaited with `condition()` would not do: the
   * SDK unblocks every satisfied condition in one pass, so two waiting steps would both start.
   */
  let lastStep: Promise<unknown> = Promise.resolve();

  /**
   * Spread after the update's payload: updates arrive as untyped JSON, and a stray `ticketId` or
   * `projectId` in one must never point a write at another ticket.
   */
  const contextOf = ({ actor, requestId }: ByActor): StepContext => ({
    ticketId: memory.ticketId,
    projectId: memory.projectId,
    actor,
    occurredAt: now().toISOString(),
    requestId: requestId ?? null,
  });

  /**
   * Steps run one at a time, in the order their updates were accepted, and re-check their rule
   * once their turn comes: a step accepted by its validator may have been overtaken by another
   * one while it waited (two closes of one resolved ticket: the second is refused).
   */
  function step<T extends object>(
    recheck: () => unknown,
    run: () => Promise<T>,
  ): Promise<UpdateResult<T>> {
    const turn = lastStep.then(async () => {
      try {
        recheck();
        const result = await run();
        return { ...result, progress: toProgress(memory) };
      } catch (error) {
        throw asFailure(error);
      }
    });
    lastStep = turn.catch(() => undefined);
    return turn;
  }

  /** The tickets service records the step (and the new status) before the workflow adopts it. */
  async function recordStep(
    by: ByActor,
    kind: TicketStepKind,
    details: StepDetails,
    next: TransitionResult | null = null,
    reason: string | null = null,
  ): Promise<void> {
    const lifecycle = next?.state ?? memory.lifecycle;
    await tickets.recordTicketStep({
      ...contextOf(by),
      stepId: uuid4(),
      kind,
      reason,
      lifecycle: toSnapshot(lifecycle),
      event: next?.event ?? null,
      details,
    });
    memory.lifecycle = lifecycle;
  }

  const decisionStep = (
    by: ByActor,
    command: Extract<TicketCommand, { type: 'close' | 'reject' | 'reopen' }>,
    kind: TicketStepKind,
  ) =>
    step(
      () => checkTransition(memory, command, now()),
      async () => {
        const reason = 'reason' in command ? command.reason.trim() : null;
        await recordStep(by, kind, {}, checkTransition(memory, command, now()), reason);
        return {};
      },
    );

  setHandler(progressQuery, () => toProgress(memory));

  setHandler(
    issueBilletUpdate,
    ({ actor, requestId, ...billet }) => {
      const command: TicketCommand = { type: 'issueBillet', developerId: billet.developerId };
      return step(
        () => checkTransition(memory, command, now()),
        async () => {
          const issued = await interventions.issueBillet({
            ...billet,
            ...contextOf({ actor, requestId }),
            billetId: uuid4(),
          });
          memory.billets.push({ id: issued.billetId, developerId: billet.developerId });
          await recordStep(
            { actor, requestId },
            'billet.issued',
            {
              billetId: issued.billetId,
              billetNumber: issued.number,
              developerId: billet.developerId,
              billetType: billet.type,
            },
            checkTransition(memory, command, now()),
          );
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
    ({ actor, requestId, ...work }) =>
      step(
        () => checkRecordIntervention(memory, work.billetId, actor),
        async () => {
          const recorded = await interventions.recordIntervention({
            ...work,
            ...contextOf({ actor, requestId }),
            interventionId: uuid4(),
          });
          memory.interventions.push({ id: recorded.interventionId, billetId: work.billetId });
          await recordStep({ actor, requestId }, 'intervention.recorded', {
            interventionId: recorded.interventionId,
            billetId: work.billetId,
            hoursSpent: work.hoursSpent,
            warnings: recorded.warnings,
          });
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
    ({ actor, requestId, ...report }) =>
      step(
        () => checkSubmitReport(memory, report.interventionId),
        async () => {
          const submitted = await interventions.submitReport({
            ...report,
            ...contextOf({ actor, requestId }),
            reportId: uuid4(),
          });
          memory.reports.push({
            id: submitted.reportId,
            interventionId: report.interventionId,
            authorId: actor.id,
            validatedAt: null,
          });
          await recordStep({ actor, requestId }, 'report.submitted', {
            reportId: submitted.reportId,
            interventionId: report.interventionId,
          });
          return submitted;
        },
      ),
    { validator: ({ interventionId }) => refuse(() => checkSubmitReport(memory, interventionId)) },
  );

  setHandler(
    validateReportUpdate,
    ({ actor, requestId, reportId }) =>
      step(
        () => checkValidateReport(memory, reportId, actor, now()),
        async () => {
          const next = checkValidateReport(memory, reportId, actor, now());
          const validated = await interventions.validateReport({
            ...contextOf({ actor, requestId }),
            reportId,
          });
          memory.reports = memory.reports.map((known) =>
            known.id === reportId ? { ...known, validatedAt: validated.validatedAt } : known,
          );
          await recordStep({ actor, requestId }, 'report.validated', { reportId }, next);
          return validated;
        },
      ),
    {
      validator: ({ actor, reportId }) =>
        refuse(() => checkValidateReport(memory, reportId, actor, now())),
    },
  );

  setHandler(closeUpdate, (by) => decisionStep(by, { type: 'close' }, 'ticket.closed'), {
    validator: (_update) => refuse(() => checkTransition(memory, { type: 'close' }, now())),
  });
  setHandler(
    rejectUpdate,
    ({ reason, ...by }) => decisionStep(by, { type: 'reject', reason }, 'ticket.rejected'),
    {
      validator: ({ reason }) =>
        refuse(() => checkTransition(memory, { type: 'reject', reason }, now())),
    },
  );
  setHandler(
    reopenUpdate,
    ({ reason, ...by }) => decisionStep(by, { type: 'reopen', reason }, 'ticket.reopened'),
    {
      validator: ({ reason }) =>
        refuse(() => checkTransition(memory, { type: 'reopen', reason }, now())),
    },
  );

  const historyTooLong = () => {
    const info = workflowInfo();
    return (
      info.continueAsNewSuggested ||
      info.historyLength > (input.maxHistoryEvents ?? MAX_HISTORY_EVENTS)
    );
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
