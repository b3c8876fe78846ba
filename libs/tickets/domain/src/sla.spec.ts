import {
  DEFAULT_ESCALATION_LADDER,
  escalationEventType,
  escalationLadder,
  escalationLadderSchema,
  isSlaBreached,
  isTicketSlaBreached,
  slaClocks,
} from './sla';

const createdAt = new Date('2026-03-01T10:00:00Z');
const plus = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000);

describe('SLA clocks (SPEC §6)', () => {
  it('gives a covered ticket a response deadline of createdAt + slaHours, with fractional hours', () => {
    const { response, resolution } = slaClocks({ createdAt, slaHours: 0.5, billable: false });
    expect(response).toEqual({ clock: 'RESPONSE', startsAt: createdAt, deadline: plus(30) });
    expect(resolution).toBeNull();
  });

  it('adds a resolution clock when the contract sets resolutionHours', () => {
    const { resolution } = slaClocks({
      createdAt,
      slaHours: 0.5,
      resolutionHours: 1.25,
      billable: false,
    });
    expect(resolution).toEqual({ clock: 'RESOLUTION', startsAt: createdAt, deadline: plus(75) });
  });

  it('gives a billable ticket no clock at all', () => {
    expect(slaClocks({ createdAt, slaHours: 24, resolutionHours: 72, billable: true })).toEqual({
      response: null,
      resolution: null,
    });
  });
});

describe('escalation ladder', () => {
  it('falls due at 75 %, 100 % and 150 % of a half-hour allowance by default', () => {
    expect(escalationLadder('RESPONSE', createdAt, plus(30))).toEqual([
      {
        clock: 'RESPONSE',
        level: 0,
        kind: 'WARNING',
        dueAt: new Date(plus(22).getTime() + 30_000),
      },
      { clock: 'RESPONSE', level: 1, kind: 'BREACH', dueAt: plus(30) },
      { clock: 'RESPONSE', level: 2, kind: 'ESCALATION', dueAt: plus(45) },
    ]);
  });

  it('uses a configured ladder, in due order whatever the order given', () => {
    const steps = escalationLadder('RESOLUTION', createdAt, plus(60), [
      { fraction: 2, level: 2, kind: 'ESCALATION' },
      { fraction: 0.5, level: 0, kind: 'WARNING' },
    ]);
    expect(steps.map((step) => [step.kind, step.dueAt])).toEqual([
      ['WARNING', plus(30)],
      ['ESCALATION', plus(120)],
    ]);
  });

  it('validates a configured ladder', () => {
    expect(escalationLadderSchema.safeParse(DEFAULT_ESCALATION_LADDER).success).toBe(true);
    expect(escalationLadderSchema.safeParse([]).success).toBe(false);
    expect(
      escalationLadderSchema.safeParse([{ fraction: 0, level: 0, kind: 'WARNING' }]).success,
    ).toBe(false);
    expect(
      escalationLadderSchema.safeParse([{ fraction: 1, level: 3, kind: 'BREACH' }]).success,
    ).toBe(false);
  });

  it('publishes sla.warning, sla.breached and sla.escalated', () => {
    expect(escalationEventType('WARNING')).toBe('sla.warning');
    expect(escalationEventType('BREACH')).toBe('sla.breached');
    expect(escalationEventType('ESCALATION')).toBe('sla.escalated');
  });
});

describe('slaBreached', () => {
  const deadline = plus(30);

  it('is false before the deadline and exactly at it', () => {
    expect(isSlaBreached({ deadline, stoppedAt: null, now: plus(29) })).toBe(false);
    expect(isSlaBreached({ deadline, stoppedAt: null, now: deadline })).toBe(false);
  });

  it('is true once a running clock passes the deadline', () => {
    expect(isSlaBreached({ deadline, stoppedAt: null, now: plus(31) })).toBe(true);
  });

  it('stays false when the clock stopped in time, however late it is now', () => {
    expect(isSlaBreached({ deadline, stoppedAt: plus(10), now: plus(600) })).toBe(false);
  });

  it('stays true when the clock stopped after the deadline', () => {
    expect(isSlaBreached({ deadline, stoppedAt: plus(40), now: plus(600) })).toBe(true);
  });

  it('is never true without a deadline (billable ticket)', () => {
    expect(isSlaBreached({ deadline: null, stoppedAt: null, now: plus(100_000) })).toBe(false);
  });

  it('stops the response clock of a ticket at its first billet, or at its rejection', () => {
    const ticket = { slaDeadline: deadline, firstBilletAt: null, rejectedAt: null };
    expect(isTicketSlaBreached({ ...ticket, firstBilletAt: plus(20) }, plus(600))).toBe(false);
    expect(isTicketSlaBreached({ ...ticket, rejectedAt: plus(20) }, plus(600))).toBe(false);
    expect(isTicketSlaBreached(ticket, plus(600))).toBe(true);
  });
});
