import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  closeUpdate,
  issueBilletUpdate,
  progressQuery,
  recordInterventionUpdate,
  submitReportUpdate,
  validateReportUpdate,
} from './ticket-lifecycle.definitions';
import { developer, manager, refusalOf } from './test-fixtures/ticket-lifecycle.harness';
import {
  billet,
  report,
  useTicketLifecycleEnv,
  work,
} from './test-fixtures/ticket-lifecycle.scenarios';

/**
 * Out-of-order and forbidden commands are refused by the update validators, synchronously, with
 * the SPEC's code, and before anything is written.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const { ticket } = useTicketLifecycleEnv();

describe('ticket lifecycle workflow refusals', () => {
  it('refuses to close without a validated report, before any write', async () => {
    await ticket(async ({ handle, calls }) => {
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

  it('refuses a billet for a billable ticket', async () => {
    await ticket(
      async ({ handle, calls }) => {
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

  it('refuses work without a billet, work on a resolved ticket, and a report validated by its own author', async () => {
    await ticket(async ({ handle, calls }) => {
      expect(
        await refusalOf(
          handle.executeUpdate(recordInterventionUpdate, {
            args: [{ actor: developer, ...work(crypto.randomUUID()) }],
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
      expect(
        await refusalOf(
          handle.executeUpdate(validateReportUpdate, { args: [{ actor: developer, reportId }] }),
        ),
      ).toBe('FORBIDDEN');
      expect(calls.map(({ name }) => name)).not.toContain('validateReport');

      await handle.executeUpdate(validateReportUpdate, {
        args: [{ actor: { id: crypto.randomUUID(), role: 'ADMIN' }, reportId }],
      });
      expect(
        await refusalOf(
          handle.executeUpdate(recordInterventionUpdate, {
            args: [{ actor: developer, ...work(billetId) }],
          }),
        ),
      ).toBe('INVALID_TRANSITION');
    });
  }, 60_000);
});
