import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  closeUpdate,
  issueBilletUpdate,
  progressQuery,
  recordInterventionUpdate,
  rejectUpdate,
  reopenUpdate,
  submitReportUpdate,
  validateReportUpdate,
} from './ticket-lifecycle.definitions';
import { developer, manager, refusalOf } from './test-fixtures/ticket-lifecycle.harness';
import {
  billet,
  type Handle,
  report,
  resolve,
  stepsOf,
  submitValidatedReport,
  useTicketLifecycleEnv,
  UUID,
  work,
} from './test-fixtures/ticket-lifecycle.scenarios';

/**
 * The paths a ticket takes through its workflow, each recorded as a replay fixture: closed,
 * rejected, reopened then closed, and an intervention over its estimate.
 */
// The SDK's own lines would drown the test report; failures still show.
Runtime.install({ logger: new DefaultLogger('WARN') });

const { ticket } = useTicketLifecycleEnv();

/** With `RECORD_HISTORIES=1`, saves the run's history as a replay fixture. */
async function recordHistory(name: string, handle: Handle): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  writeFileSync(
    join(__dirname, 'test-fixtures', 'histories', `${name}.json`),
    historyToJSON(history),
  );
}

describe('ticket lifecycle workflow', () => {
  it('runs billet → intervention → report → validation → closure, each write once with the ids it generated, then ends CLOSED', async () => {
    await ticket(async ({ handle, calls, input }) => {
      const progress = () => handle.query(progressQuery);
      expect((await progress()).availableCommands).toEqual(['issueBillet', 'reject']);

      const issued = await handle.executeUpdate(issueBilletUpdate, {
        args: [{ actor: manager, requestId: 'request-1', ...billet }],
      });
      expect(issued).toMatchObject({
        billetId: expect.stringMatching(UUID),
        number: 'BILLET-00001',
      });
      expect(issued.progress.lifecycle).toMatchObject({
        status: 'IN_PROGRESS',
        assigneeId: developer.id,
      });
      const { interventionId } = await handle.executeUpdate(recordInterventionUpdate, {
        args: [{ actor: developer, ...work(issued.billetId) }],
      });
      const { reportId } = await handle.executeUpdate(submitReportUpdate, {
        args: [{ actor: developer, ...report(interventionId) }],
      });
      expect((await progress()).reports).toEqual([
        { id: reportId, interventionId, authorId: developer.id, validatedAt: null },
      ]);
      const validated = await handle.executeUpdate(validateReportUpdate, {
        args: [{ actor: manager, reportId }],
      });
      expect(validated).toMatchObject({ reportId, validatedById: manager.id });
      expect(validated.progress.availableCommands).toEqual(['close', 'reopen']);
      await handle.executeUpdate(closeUpdate, { args: [{ actor: manager }] });
      const final = await handle.result();
      expect(final.lifecycle).toMatchObject({ status: 'CLOSED', validatedReportId: reportId });
      expect(final.lifecycle.closedAt).not.toBeNull();

      const where = { ticketId: input.ticketId, projectId: input.projectId };
      const step = (kind: string, status: string, event: string | null, details: object) => ({
        name: 'recordTicketStep',
        input: expect.objectContaining({
          ...where,
          kind,
          stepId: expect.stringMatching(UUID),
          lifecycle: expect.objectContaining({ status }),
          event,
          details: expect.objectContaining(details),
        }),
      });
      expect(calls).toEqual([
        {
          name: 'issueBillet',
          input: expect.objectContaining({
            ...where,
            ...billet,
            billetId: issued.billetId,
            actor: manager,
            requestId: 'request-1',
            occurredAt: expect.any(String),
          }),
        },
        step('billet.issued', 'IN_PROGRESS', null, {
          billetId: issued.billetId,
          billetNumber: 'BILLET-00001',
          billetType: 'FIX',
        }),
        {
          name: 'recordIntervention',
          input: expect.objectContaining({ ...where, interventionId, billetId: issued.billetId }),
        },
        step('intervention.recorded', 'IN_PROGRESS', null, { interventionId, warnings: [] }),
        { name: 'submitReport', input: expect.objectContaining({ ...where, reportId }) },
        step('report.submitted', 'IN_PROGRESS', null, { reportId, interventionId }),
        { name: 'validateReport', input: expect.objectContaining({ ...where, reportId }) },
        step('report.validated', 'RESOLVED', 'ticket.resolved', { reportId }),
        step('ticket.closed', 'CLOSED', 'ticket.closed', {}),
      ]);
      expect([interventionId, reportId]).toEqual([
        expect.stringMatching(UUID),
        expect.stringMatching(UUID),
      ]);
      const stepIds = stepsOf(calls).map(({ stepId }) => stepId);
      expect(new Set(stepIds).size).toBe(5);
      await recordHistory('closed', handle);
    });
  }, 60_000);

  it('rejects an OPEN ticket with a reason, records the step with its event, and ends REJECTED', async () => {
    await ticket(async ({ handle, calls }) => {
      expect(
        await refusalOf(
          handle.executeUpdate(rejectUpdate, { args: [{ actor: manager, reason: ' ' }] }),
        ),
      ).toBe('VALIDATION_FAILED');
      await handle.executeUpdate(rejectUpdate, {
        args: [{ actor: manager, reason: ' Not a defect: works as specified ' }],
      });
      const final = await handle.result();
      expect(final.lifecycle).toMatchObject({
        status: 'REJECTED',
        rejectionReason: 'Not a defect: works as specified',
      });
      expect(calls).toEqual([
        {
          name: 'recordTicketStep',
          input: expect.objectContaining({
            kind: 'ticket.rejected',
            reason: 'Not a defect: works as specified',
            event: 'ticket.rejected',
            lifecycle: expect.objectContaining({ status: 'REJECTED' }),
          }),
        },
      ]);
      await recordHistory('rejected', handle);
    });
  }, 60_000);

  it('reopens a RESOLVED ticket, then needs a newly validated report before closing', async () => {
    await ticket(async ({ handle, calls }) => {
      const billetId = await resolve(handle);
      const reopened = await handle.executeUpdate(reopenUpdate, {
        args: [{ actor: manager, reason: 'The export still fails' }],
      });
      expect(reopened.progress.lifecycle).toMatchObject({
        status: 'IN_PROGRESS',
        validatedReportId: null,
        resolvedAt: null,
      });
      expect(stepsOf(calls).at(-1)).toMatchObject({
        kind: 'ticket.reopened',
        reason: 'The export still fails',
        event: 'ticket.reopened',
        lifecycle: { status: 'IN_PROGRESS', validatedReportId: null },
      });
      expect(
        await refusalOf(handle.executeUpdate(closeUpdate, { args: [{ actor: manager }] })),
      ).toBe('REPORT_NOT_VALIDATED');

      const secondReportId = await submitValidatedReport(handle, billetId);
      await handle.executeUpdate(closeUpdate, { args: [{ actor: manager }] });
      const final = await handle.result();
      expect(final.lifecycle).toMatchObject({
        status: 'CLOSED',
        validatedReportId: secondReportId,
      });
      expect(final.reports).toHaveLength(2);
      expect(stepsOf(calls).map(({ kind }) => kind)).toEqual([
        'billet.issued',
        'intervention.recorded',
        'report.submitted',
        'report.validated',
        'ticket.reopened',
        'intervention.recorded',
        'report.submitted',
        'report.validated',
        'ticket.closed',
      ]);
      await recordHistory('reopened', handle);
    });
  }, 60_000);

  it('accepts an intervention over twice its estimate with TIME_OVERRUN, in the answer and in the step', async () => {
    await ticket(
      async ({ handle, calls }) => {
        const { billetId } = await handle.executeUpdate(issueBilletUpdate, {
          args: [{ actor: manager, ...billet }],
        });
        const recorded = await handle.executeUpdate(recordInterventionUpdate, {
          args: [{ actor: developer, ...work(billetId, 9) }],
        });
        expect(recorded.warnings).toEqual(['TIME_OVERRUN']);
        expect(recorded.progress.interventions).toEqual([
          { id: recorded.interventionId, billetId },
        ]);
        expect(stepsOf(calls).at(-1)).toMatchObject({
          kind: 'intervention.recorded',
          event: null,
          details: {
            interventionId: recorded.interventionId,
            hoursSpent: 9,
            warnings: ['TIME_OVERRUN'],
          },
        });
        await recordHistory('overrun', handle);
      },
      {
        // The interventions service applies R16; its stand-in answers as it would for 9 h of 4.
        activities: {
          recordIntervention: async (input) => ({
            interventionId: input.interventionId,
            warnings: ['TIME_OVERRUN'],
          }),
        },
      },
    );
  }, 60_000);
});
