import { type ErrorCode } from '@mg/shared-kernel';
import { aState, DEVELOPER_ID } from './ticket.fixtures';
import { availableCommands, transition, type TicketCommand } from './ticket-lifecycle';
import { TICKET_STATUSES, type TicketLifecycleState, type TicketStatus } from './ticket.types';

const now = new Date('2026-03-02T08:00:00Z');
const REPORT_ID = 'r-1';

function refusal(state: TicketLifecycleState, command: TicketCommand): ErrorCode | undefined {
  try {
    transition(state, command, now);
    return undefined;
  } catch (error) {
    return (error as { code?: ErrorCode }).code;
  }
}

const resolved = () =>
  aState({ status: 'RESOLVED', validatedReportId: REPORT_ID, resolvedAt: now });

describe('R9 ticket lifecycle', () => {
  describe('issuing a billet', () => {
    it('moves an OPEN ticket to IN_PROGRESS and assigns it to the developer (first billet)', () => {
      const { state, event } = transition(
        aState(),
        { type: 'issueBillet', developerId: DEVELOPER_ID },
        now,
      );
      expect(state).toMatchObject({
        status: 'IN_PROGRESS',
        assigneeId: DEVELOPER_ID,
        firstBilletAt: now,
      });
      expect(event).toBeNull();
    });

    it('keeps an IN_PROGRESS ticket and its assignee for later billets', () => {
      const inProgress = aState({
        status: 'IN_PROGRESS',
        assigneeId: 'first-dev',
        firstBilletAt: new Date(0),
      });
      const { state } = transition(
        inProgress,
        { type: 'issueBillet', developerId: 'second-dev' },
        now,
      );
      expect(state).toEqual(inProgress);
    });

    it('R11: refuses a billet for a billable ticket', () => {
      expect(
        refusal(aState({ billable: true }), { type: 'issueBillet', developerId: DEVELOPER_ID }),
      ).toBe('TICKET_NOT_PROCESSABLE');
    });

    it.each<TicketStatus>(['CLOSED', 'REJECTED'])(
      'R11: refuses a billet for a %s ticket',
      (status) => {
        expect(
          refusal(aState({ status }), { type: 'issueBillet', developerId: DEVELOPER_ID }),
        ).toBe('TICKET_NOT_PROCESSABLE');
      },
    );

    it('R13: refuses a billet for a RESOLVED ticket (reopen it first)', () => {
      expect(refusal(resolved(), { type: 'issueBillet', developerId: DEVELOPER_ID })).toBe(
        'INVALID_TRANSITION',
      );
    });
  });

  describe('resolving (a report was validated)', () => {
    it('moves IN_PROGRESS to RESOLVED and remembers the validated report', () => {
      const { state, event } = transition(
        aState({ status: 'IN_PROGRESS' }),
        { type: 'resolve', reportId: REPORT_ID },
        now,
      );
      expect(state).toMatchObject({
        status: 'RESOLVED',
        validatedReportId: REPORT_ID,
        resolvedAt: now,
      });
      expect(event).toBe('ticket.resolved');
    });

    it.each<TicketStatus>(['OPEN', 'RESOLVED', 'CLOSED', 'REJECTED'])(
      'refuses to resolve a %s ticket',
      (status) => {
        expect(refusal(aState({ status }), { type: 'resolve', reportId: REPORT_ID })).toBe(
          'INVALID_TRANSITION',
        );
      },
    );
  });

  describe('closing', () => {
    it('moves RESOLVED to CLOSED', () => {
      const { state, event } = transition(resolved(), { type: 'close' }, now);
      expect(state).toMatchObject({ status: 'CLOSED', closedAt: now });
      expect(event).toBe('ticket.closed');
    });

    it('R10: refuses closing before any report (OPEN) with REPORT_NOT_VALIDATED', () => {
      expect(refusal(aState(), { type: 'close' })).toBe('REPORT_NOT_VALIDATED');
    });

    it('R10: refuses closing IN_PROGRESS without a validated report', () => {
      expect(refusal(aState({ status: 'IN_PROGRESS' }), { type: 'close' })).toBe(
        'REPORT_NOT_VALIDATED',
      );
    });

    it('R10: refuses closing a RESOLVED ticket whose report is not validated', () => {
      expect(refusal(aState({ status: 'RESOLVED' }), { type: 'close' })).toBe(
        'REPORT_NOT_VALIDATED',
      );
    });

    it.each<TicketStatus>(['CLOSED', 'REJECTED'])(
      'refuses closing a %s ticket as an invalid transition',
      (status) => {
        expect(refusal(aState({ status, validatedReportId: REPORT_ID }), { type: 'close' })).toBe(
          'INVALID_TRANSITION',
        );
      },
    );
  });

  describe('reopening (the client does not accept the fix)', () => {
    it('moves RESOLVED back to IN_PROGRESS and forgets the validated report', () => {
      const { state, event } = transition(
        resolved(),
        { type: 'reopen', reason: 'Still failing' },
        now,
      );
      expect(state).toMatchObject({
        status: 'IN_PROGRESS',
        validatedReportId: null,
        resolvedAt: null,
      });
      expect(event).toBe('ticket.reopened');
    });

    it('R10: after a reopen, closing needs a newly validated report', () => {
      const reopened = transition(
        resolved(),
        { type: 'reopen', reason: 'Still failing' },
        now,
      ).state;
      expect(refusal(reopened, { type: 'close' })).toBe('REPORT_NOT_VALIDATED');
      const resolvedAgain = transition(reopened, { type: 'resolve', reportId: 'r-2' }, now).state;
      expect(transition(resolvedAgain, { type: 'close' }, now).state.status).toBe('CLOSED');
    });

    it.each<TicketStatus>(['OPEN', 'IN_PROGRESS', 'CLOSED', 'REJECTED'])(
      'refuses reopening a %s ticket',
      (status) => {
        expect(refusal(aState({ status }), { type: 'reopen', reason: 'x' })).toBe(
          'INVALID_TRANSITION',
        );
      },
    );

    it('requires a reason', () => {
      expect(refusal(resolved(), { type: 'reopen', reason: '   ' })).toBe('VALIDATION_FAILED');
    });
  });

  describe('rejecting', () => {
    it.each<TicketStatus>(['OPEN', 'IN_PROGRESS'])(
      'moves %s to REJECTED with the reason',
      (status) => {
        const { state, event } = transition(
          aState({ status }),
          { type: 'reject', reason: '  Duplicate of MAINT-00002 ' },
          now,
        );
        expect(state).toMatchObject({
          status: 'REJECTED',
          rejectedAt: now,
          rejectionReason: 'Duplicate of MAINT-00002',
        });
        expect(event).toBe('ticket.rejected');
      },
    );

    it.each<TicketStatus>(['RESOLVED', 'CLOSED', 'REJECTED'])(
      'refuses rejecting a %s ticket',
      (status) => {
        expect(refusal(aState({ status }), { type: 'reject', reason: 'x' })).toBe(
          'INVALID_TRANSITION',
        );
      },
    );

    it('requires a reason of at most 2000 characters', () => {
      expect(refusal(aState(), { type: 'reject', reason: '' })).toBe('VALIDATION_FAILED');
      expect(refusal(aState(), { type: 'reject', reason: 'x'.repeat(2001) })).toBe(
        'VALIDATION_FAILED',
      );
    });
  });

  it('never mutates the state it is given', () => {
    const state = Object.freeze(aState());
    expect(() =>
      transition(state, { type: 'issueBillet', developerId: DEVELOPER_ID }, now),
    ).not.toThrow();
    expect(state.status).toBe('OPEN');
  });

  it('lists the commands each status accepts', () => {
    const accepted = Object.fromEntries(
      TICKET_STATUSES.map((status) => [
        status,
        availableCommands(status === 'RESOLVED' ? resolved() : aState({ status })),
      ]),
    );
    expect(accepted).toEqual({
      OPEN: ['issueBillet', 'reject'],
      IN_PROGRESS: ['issueBillet', 'resolve', 'reject'],
      RESOLVED: ['close', 'reopen'],
      CLOSED: [],
      REJECTED: [],
    });
  });
});
