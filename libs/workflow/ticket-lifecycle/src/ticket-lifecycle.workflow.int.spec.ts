import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Client, type Connection, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, NativeConnection, Runtime, type WorkflowBundle } from '@temporalio/worker';
import {
  closeUpdate,
  issueBilletUpdate,
  progressQuery,
  recordInterventionUpdate,
  rejectUpdate,
  reopenUpdate,
  submitReportUpdate,
  ticketLifecycleWorkflowId,
  validateReportUpdate,
} from './ticket-lifecycle.definitions';
import {
  bundleTicketLifecycleWorkflows,
  createTestClient,
  createTestWorker,
  developer,
  manager,
  recordingActivities,
  refusalOf,
  TEMPORAL_ADDRESS,
  type ActivityCall,
} from './test-fixtures/ticket-lifecycle.harness';
import { ticketLifecycleWorkflow } from './workflows';

// The SDK's own lines would drown the test report; failures still show.
Runtime.install({ logger: new DefaultLogger('WARN') });

const taskQueue = `ticket-lifecycle-workflow-test-${randomUUID()}`;
const HISTORIES = join(__dirname, 'test-fixtures', 'histories');

let workflowBundle: WorkflowBundle;
let workerConnection: NativeConnection;
let client: Client;
let clientConnection: Connection;

beforeAll(async () => {
  workflowBundle = await bundleTicketLifecycleWorkflows();
  workerConnection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  ({ client, connection: clientConnection } = await createTestClient());
}, 60_000);

afterAll(async () => {
  await workerConnection?.close();
  await clientConnection?.close();
});

type Handle = WorkflowHandle<typeof ticketLifecycleWorkflow>;

/** Starts a ticket's workflow and runs `scenario` while a worker with recording activities polls. */
async function withTicket(
  scenario: (handle: Handle, calls: ActivityCall[]) => Promise<void>,
  options: { billable?: boolean } = {},
): Promise<void> {
  const { activities, calls } = recordingActivities();
  const worker = await createTestWorker({
    connection: workerConnection,
    taskQueue,
    workflowBundle,
    activities,
  });
  const number = `MAINT-TEST-${randomUUID()}`;
  await worker.runUntil(async () => {
    const handle = await client.workflow.start(ticketLifecycleWorkflow, {
      taskQueue,
      workflowId: ticketLifecycleWorkflowId(number),
      args: [
        { ticketId: randomUUID(), number, projectId: randomUUID(), billable: !!options.billable },
      ],
    });
    try {
      await scenario(handle, calls);
    } finally {
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('test finished');
    }
  });
}

const billet = { developerId: developer.id, type: 'FIX' as const, estimatedHours: 4 };
const work = (billetId: string) => ({
  billetId,
  actions: 'Patched the export job',
  startedAt: '2026-01-05T09:00:00Z',
  hoursSpent: 3,
});
const report = (interventionId: string) => ({
  interventionId,
  rootCause: 'A missing index',
  solution: 'Added the index',
});

/** Billet → intervention → report → validation: leaves the ticket RESOLVED. */
async function resolve(handle: Handle): Promise<void> {
  const { billetId } = await handle.executeUpdate(issueBilletUpdate, {
    args: [{ actor: manager, ...billet }],
  });
  await submitValidatedReport(handle, billetId);
}

async function submitValidatedReport(handle: Handle, billetId: string): Promise<string> {
  const { interventionId } = await handle.executeUpdate(recordInterventionUpdate, {
    args: [{ actor: developer, ...work(billetId) }],
  });
  const { reportId } = await handle.executeUpdate(submitReportUpdate, {
    args: [{ actor: developer, ...report(interventionId) }],
  });
  await handle.executeUpdate(validateReportUpdate, { args: [{ actor: manager, reportId }] });
  return billetId;
}

function recordHistory(name: string, handle: Handle): Promise<void> | undefined {
  if (process.env.RECORD_HISTORIES !== '1') return undefined;
  return handle.fetchHistory().then((history) => {
    writeFileSync(join(HISTORIES, `${name}.json`), historyToJSON(history));
  });
}

describe('ticket lifecycle workflow', () => {
  it('runs billet → intervention → report → validation → closure, each write once, then ends CLOSED', async () => {
    await withTicket(async (handle, calls) => {
      const progress = () => handle.query(progressQuery);
      expect((await progress()).availableCommands).toEqual(['issueBillet', 'reject']);

      const issued = await handle.executeUpdate(issueBilletUpdate, {
        args: [{ actor: manager, ...billet }],
      });
      expect(issued.progress.lifecycle).toMatchObject({
        status: 'IN_PROGRESS',
        assigneeId: developer.id,
      });
      expect((await progress()).billets).toEqual([
        { id: issued.billetId, developerId: developer.id },
      ]);

      const { interventionId } = await handle.executeUpdate(recordInterventionUpdate, {
        args: [{ actor: developer, ...work(issued.billetId) }],
      });
      expect((await progress()).interventions).toEqual([
        { id: interventionId, billetId: issued.billetId },
      ]);

      const { reportId } = await handle.executeUpdate(submitReportUpdate, {
        args: [{ actor: developer, ...report(interventionId) }],
      });
      expect((await progress()).reports).toEqual([
        { id: reportId, interventionId, authorId: developer.id, validatedAt: null },
      ]);

      await handle.executeUpdate(validateReportUpdate, { args: [{ actor: manager, reportId }] });
      expect((await progress()).lifecycle).toMatchObject({
        status: 'RESOLVED',
        validatedReportId: reportId,
      });
      expect((await progress()).availableCommands).toEqual(['close', 'reopen']);

      await handle.executeUpdate(closeUpdate, { args: [{ actor: manager }] });
      const final = await handle.result();
      expect(final.lifecycle.status).toBe('CLOSED');
      expect(final.lifecycle.closedAt).not.toBeNull();

      expect(calls.map(({ name }) => name)).toEqual([
        'issueBillet',
        'recordTicketTransition',
        'recordIntervention',
        'submitReport',
        'validateReport',
        'recordTicketTransition',
        'recordTicketTransition',
      ]);
      expect(
        calls
          .filter(({ name }) => name === 'recordTicketTransition')
          .map(({ input }) => (input as { status: string }).status),
      ).toEqual(['IN_PROGRESS', 'RESOLVED', 'CLOSED']);
      await recordHistory('closed', handle);
    });
  }, 60_000);

  it('refuses to close without a validated report, before any write', async () => {
    await withTicket(async (handle, calls) => {
      expect(
        await refusalOf(handle.executeUpdate(closeUpdate, { args: [{ actor: manager }] })),
      ).toBe('REPORT_NOT_VALIDATED');
      expect(calls).toEqual([]);

      await handle.executeUpdate(issueBilletUpdate, { args: [{ actor: manager, ...billet }] });
      const writes = calls.length;
      expect(
        await refusalOf(handle.executeUpdate(closeUpdate, { args: [{ actor: manager }] })),
      ).toBe('REPORT_NOT_VALIDATED');
      expect(calls).toHaveLength(writes);
      expect((await handle.query(progressQuery)).lifecycle.status).toBe('IN_PROGRESS');
    });
  }, 60_000);

  it('rejects an OPEN ticket with a reason, and ends REJECTED', async () => {
    await withTicket(async (handle, calls) => {
      expect(
        await refusalOf(
          handle.executeUpdate(rejectUpdate, { args: [{ actor: manager, reason: ' ' }] }),
        ),
      ).toBe('VALIDATION_FAILED');
      await handle.executeUpdate(rejectUpdate, {
        args: [{ actor: manager, reason: 'Not a defect: works as specified' }],
      });
      const final = await handle.result();
      expect(final.lifecycle).toMatchObject({
        status: 'REJECTED',
        rejectionReason: 'Not a defect: works as specified',
      });
      expect(calls).toEqual([expect.objectContaining({ name: 'recordTicketTransition' })]);
      expect(calls[0]?.input).toMatchObject({ status: 'REJECTED', event: 'ticket.rejected' });
      await recordHistory('rejected', handle);
    });
  }, 60_000);

  it('after a reopen, needs a newly validated report before closing', async () => {
    await withTicket(async (handle) => {
      await resolve(handle);
      await handle.executeUpdate(reopenUpdate, {
        args: [{ actor: manager, reason: 'The export still fails' }],
      });
      const reopened = await handle.query(progressQuery);
      expect(reopened.lifecycle).toMatchObject({ status: 'IN_PROGRESS', validatedReportId: null });
      expect(
        await refusalOf(handle.executeUpdate(closeUpdate, { args: [{ actor: manager }] })),
      ).toBe('REPORT_NOT_VALIDATED');

      await submitValidatedReport(handle, reopened.billets[0]?.id ?? '');
      await handle.executeUpdate(closeUpdate, { args: [{ actor: manager }] });
      const final = await handle.result();
      expect(final.lifecycle.status).toBe('CLOSED');
      expect(final.reports).toHaveLength(2);
      expect(final.lifecycle.validatedReportId).toBe(final.reports[1]?.id);
    });
  }, 60_000);

  it('refuses a billet for a billable ticket', async () => {
    await withTicket(
      async (handle, calls) => {
        expect(
          await refusalOf(
            handle.executeUpdate(issueBilletUpdate, { args: [{ actor: manager, ...billet }] }),
          ),
        ).toBe('TICKET_NOT_PROCESSABLE');
        expect(calls).toEqual([]);
      },
      { billable: true },
    );
  }, 60_000);

  it('refuses work without a billet, and a report validated by its own author', async () => {
    await withTicket(async (handle, calls) => {
      expect(
        await refusalOf(
          handle.executeUpdate(recordInterventionUpdate, {
            args: [{ actor: developer, ...work('no-such-billet') }],
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(calls).toEqual([]);

      const { billetId } = await handle.executeUpdate(issueBilletUpdate, {
        args: [{ actor: manager, ...billet }],
      });
      const { interventionId } = await handle.executeUpdate(recordInterventionUpdate, {
        args: [{ actor: manager, ...work(billetId) }],
      });
      const { reportId } = await handle.executeUpdate(submitReportUpdate, {
        args: [{ actor: manager, ...report(interventionId) }],
      });
      expect(
        await refusalOf(
          handle.executeUpdate(validateReportUpdate, { args: [{ actor: manager, reportId }] }),
        ),
      ).toBe('SELF_VALIDATION');
      expect(calls.map(({ name }) => name)).not.toContain('validateReport');
    });
  }, 60_000);
});
