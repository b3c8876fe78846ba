import { aState, aTicket } from './ticket.fixtures';
import { elapsedHours, hoursBetween, isProcessable } from './ticket-metrics';
import { TICKET_STATUSES } from './ticket.types';

describe('R7 processable', () => {
  it('is true for a free ticket that is open, in progress or resolved', () => {
    for (const status of ['OPEN', 'IN_PROGRESS', 'RESOLVED'] as const) {
      expect(isProcessable(aState({ status }))).toBe(true);
    }
  });

  it('is false for a REJECTED or CLOSED ticket', () => {
    expect(isProcessable(aState({ status: 'REJECTED' }))).toBe(false);
    expect(isProcessable(aState({ status: 'CLOSED' }))).toBe(false);
  });

  it('is false for a billable ticket in every status', () => {
    for (const status of TICKET_STATUSES) {
      expect(isProcessable(aState({ status, billable: true }))).toBe(false);
    }
  });
});

describe('R8 elapsedHours', () => {
  const createdAt = new Date('2026-03-01T10:00:00Z');

  it('counts hours since creation, to two decimals', () => {
    expect(elapsedHours(aTicket({ createdAt }), new Date('2026-03-01T12:20:00Z'))).toBe(2.33);
  });

  it('freezes at closure', () => {
    const closed = aTicket({
      createdAt,
      status: 'CLOSED',
      closedAt: new Date('2026-03-02T10:00:00Z'),
    });
    expect(elapsedHours(closed, new Date('2026-04-01T00:00:00Z'))).toBe(24);
  });

  it('freezes at rejection', () => {
    const rejected = aTicket({
      createdAt,
      status: 'REJECTED',
      rejectedAt: new Date('2026-03-01T10:30:00Z'),
    });
    expect(elapsedHours(rejected, new Date('2026-04-01T00:00:00Z'))).toBe(0.5);
  });

  it('never goes negative when clocks disagree', () => {
    expect(hoursBetween(createdAt, new Date('2026-03-01T09:00:00Z'))).toBe(0);
  });
});
