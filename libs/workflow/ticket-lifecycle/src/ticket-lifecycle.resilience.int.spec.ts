import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { eventually } from '@mg/shared-testing';
import { type IssuedBillet } from './ticket-lifecycle.activities';
import {
  closeUpdate,
  issueBilletUpdate,
  progressQuery,
  recordInterventionUpdate,
  submitReportUpdate,
  ticketLifecycleWorkflowId,
  validateReportUpdate,
} from './ticket-lifecycle.definitions';
import { type ticketLifecycleWorkflow } from './ticket-lifecycle.workflow';
import {
  createTestWorker,
  developer,
  manager,
  recordingActivities,
  refusalOf,
} from './test-fixtures/ticket-lifecycle.harness';
import {
  billet,
  report,
  resolve,
  stepsOf,
  useTicketLifecycleEnv,
  work,
} from './test-fixtures/ticket-lifecycle.scenarios';

/**
 * The workflow under the conditions a long-lived ticket meets: a long history, concurrent
 * requests, a service that fails once or refuses.
 */
// The activity failures these tests provoke would be logged as warnings.
Runtime.install({ logger: new DefaultLogger('ERROR') });

const { env, ticket } = useTicketLifecycleEnv();

const failureType = (error: unknown): string =>
  error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure
    ? String(error.cause.type)
    : String(error);

describe('ticket lifecycle workflow, resilience', () => {
  it('continues as new past maxHistoryEvents, keeping its memory, and still takes updates to the end', async () => {
    await ticket(
      async ({ handle, calls }) => {
        const runIds = new Set<string>();
        const noteRun = async () => runIds.add((await handle.describe()).runId);
        await noteRun();
        const issued = await handle.executeUpdate(issueBilletUpdate, {
          args: [{ actor: manager, ...billet }],
        });
        await noteRun();
        const { interventionId } = await handle.executeUpdate(recordInterventionUpdate, {
          args: [{ actor: developer, ...work(issued.billetId) }],
        });
        await noteRun();
        const { reportId } = await handle.executeUpdate(submitReportUpdate, {
          args: [{ actor: developer, ...report(interventionId) }],
        });
        await eventually(async () => {
          const { runId, workflowId } = await handle.describe();
          expect(workflowId).toBe(handle.workflowId);
          expect(runId).not.toBe(handle.firstExecutionRunId);
        });
        const first = env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
        expect((await first.describe()).status.name).toBe('CONTINUED_AS_NEW');

        const resumed = await handle.query(progressQuery);
        expect(resumed.lifecycle).toEqual(issued.progress.lifecycle);
        expect(resumed.billets).toEqual([{ id: issued.billetId, developerId: developer.id }]);
        expect(resumed.interventions).toEqual([{ id: interventionId, billetId: issued.billetId }]);
        expect(resumed.reports).toEqual([
          { id: reportId, interventionId, authorId: developer.id, validatedAt: null },
        ]);

        await handle.executeUpdate(validateReportUpdate, { args: [{ actor: manager, reportId }] });
        await noteRun();
        await handle.executeUpdate(closeUpdate, { args: [{ actor: manager }] });
        const final = await handle.result();
        expect(final.lifecycle).toMatchObject({
          status: 'CLOSED',
          assigneeId: developer.id,
          firstBilletAt: issued.progress.lifecycle.firstBilletAt,
          validatedReportId: reportId,
        });
        expect(final.reports).toEqual([expect.objectContaining({ id: reportId })]);
        // Each new run kept the small limit: the ticket went through several of them.
        expect(runIds.size).toBeGreaterThanOrEqual(3);
        expect(stepsOf(calls).map(({ kind }) => kind)).toEqual([
          'billet.issued',
          'intervention.recorded',
          'report.submitted',
          'report.validated',
          'ticket.closed',
        ]);
      },
      { maxHistoryEvents: 20 },
    );
  }, 60_000);

  it('applies one of two closes of a RESOLVED ticket that reach it together; the other is refused INVALID_TRANSITION', async () => {
    const taskQueue = `ticket-lifecycle-test-${randomUUID()}`;
    const { activities, calls } = recordingActivities();
    const worker = () =>
      createTestWorker({
        connection: env.connection,
        workflowBundle: env.workflowBundle,
        taskQueue,
        activities,
      });
    const number = `MAINT-TEST-${randomUUID()}`;
    const handle = await env.client.workflow.start<typeof ticketLifecycleWorkflow>(
      'ticketLifecycleWorkflow',
      {
        taskQueue,
        workflowId: ticketLifecycleWorkflowId(number),
        args: [
          {
            ticketId: randomUUID(),
            number,
            projectId: randomUUID(),
            billable: false,
            activityTaskQueues: { tickets: taskQueue, interventions: taskQueue },
          },
        ],
      },
    );
    await (await worker()).runUntil(() => resolve(handle));

    // No worker polls: both closes wait on the server and reach the workflow in one task, where
    // both validators see a RESOLVED ticket.
    const close = () => handle.executeUpdate(closeUpdate, { args: [{ actor: manager }] });
    const closes = [close(), close()];
    await sleep(1_000);
    const outcomes = await (
      await worker()
    ).runUntil(() =>
      Promise.all(
        closes.map((update) =>
          update.then(
            () => 'accepted',
            (error) => failureType(error),
          ),
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(['INVALID_TRANSITION', 'accepted']);
    expect(stepsOf(calls).filter(({ kind }) => kind === 'ticket.closed')).toHaveLength(1);
    const { status } = await handle.describe();
    expect(status.name).toBe('COMPLETED');
  }, 60_000);

  it('retries an activity that failed after writing, and the step completes with one write', async () => {
    const rows = new Map<string, IssuedBillet>();
    let attempts = 0;
    await ticket(
      async ({ handle, calls }) => {
        const issued = await handle.executeUpdate(issueBilletUpdate, {
          args: [{ actor: manager, ...billet }],
        });
        expect(issued.progress.lifecycle.status).toBe('IN_PROGRESS');
        const attemptsSeen = calls.filter(({ name }) => name === 'issueBillet');
        expect(attemptsSeen).toHaveLength(2);
        expect(attemptsSeen.map(({ input }) => (input as { billetId: string }).billetId)).toEqual([
          issued.billetId,
          issued.billetId,
        ]);
        expect([...rows.keys()]).toEqual([issued.billetId]);
        expect(stepsOf(calls).map(({ kind }) => kind)).toEqual(['billet.issued']);
      },
      {
        activities: {
          // Like the interventions service: the row is keyed by the workflow's id, so a retry
          // finds it and answers it again.
          issueBillet: async (input) => {
            attempts += 1;
            const existing = rows.get(input.billetId);
            if (existing) return existing;
            const row = { billetId: input.billetId, number: 'BILLET-00001' };
            rows.set(input.billetId, row);
            if (attempts === 1) throw new Error('Connection lost after the commit');
            return row;
          },
        },
      },
    );
  }, 60_000);

  it("passes a service's non-retryable refusal to the caller with its code, and its state does not move", async () => {
    const outsider = randomUUID();
    await ticket(
      async ({ handle, calls }) => {
        expect(
          await refusalOf(
            handle.executeUpdate(issueBilletUpdate, {
              args: [{ actor: manager, ...billet, developerId: outsider }],
            }),
          ),
        ).toBe('DEVELOPER_NOT_ELIGIBLE');
        expect(calls.map(({ name }) => name)).toEqual(['issueBillet']);
        const progress = await handle.query(progressQuery);
        expect(progress.lifecycle).toMatchObject({ status: 'OPEN', assigneeId: null });
        expect(progress.billets).toEqual([]);
        expect(progress.availableCommands).toEqual(['issueBillet', 'reject']);

        // The workflow is not stuck: an eligible developer gets the billet.
        const issued = await handle.executeUpdate(issueBilletUpdate, {
          args: [{ actor: manager, ...billet }],
        });
        expect(issued.progress.lifecycle.status).toBe('IN_PROGRESS');
      },
      {
        activities: {
          // R12 is the interventions service's to check (project membership, role).
          issueBillet: async (input) => {
            if (input.developerId === outsider) {
              throw ApplicationFailure.nonRetryable(
                'Only a developer or project manager who is a member of the project can be authorized',
                'DEVELOPER_NOT_ELIGIBLE',
              );
            }
            return { billetId: input.billetId, number: 'BILLET-00001' };
          },
        },
      },
    );
  }, 60_000);
});
