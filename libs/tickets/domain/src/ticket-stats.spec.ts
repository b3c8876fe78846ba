import { aTicket, CONTRACT_ID } from './ticket.fixtures';
import { ticketStats } from './ticket-stats';

const createdAt = new Date('2026-03-01T10:00:00Z');
const hoursLater = (hours: number) => new Date(createdAt.getTime() + hours * 3_600_000);
const now = hoursLater(100);

describe('ticket statistics', () => {
  const tickets = [
    aTicket({
      id: 'a',
      number: 'MAINT-00001',
      status: 'CLOSED',
      severity: 'CRITICAL',
      createdAt,
      firstBilletAt: hoursLater(1),
      resolvedAt: hoursLater(10),
    }),
    aTicket({
      id: 'b',
      number: 'MAINT-00002',
      status: 'RESOLVED',
      severity: 'MAJOR',
      createdAt,
      firstBilletAt: hoursLater(30),
      resolvedAt: hoursLater(20.5),
    }),
    aTicket({
      id: 'c',
      number: 'MAINT-00003',
      status: 'OPEN',
      severity: 'MINOR',
      contractId: null,
      billable: true,
      slaDeadline: null,
      createdAt,
    }),
    aTicket({ id: 'd', number: 'MAINT-00004', status: 'OPEN', severity: 'MINOR', createdAt }),
  ];

  it('counts tickets by status and by severity, with every key present', () => {
    const stats = ticketStats(tickets, now);
    expect(stats.total).toBe(4);
    expect(stats.byStatus).toEqual({
      OPEN: 2,
      IN_PROGRESS: 0,
      RESOLVED: 1,
      CLOSED: 1,
      REJECTED: 0,
    });
    expect(stats.bySeverity).toEqual({ MINOR: 2, MAJOR: 1, CRITICAL: 1 });
  });

  it('averages resolution hours over resolved and closed tickets', () => {
    expect(ticketStats(tickets, now).meanResolutionHours).toBe(15.25);
  });

  it('has no mean resolution time when nothing was resolved', () => {
    expect(ticketStats(tickets.slice(2, 3), now).meanResolutionHours).toBeNull();
  });

  it('lists the SLA-breached tickets', () => {
    expect(ticketStats(tickets, now).slaBreached).toEqual([
      { id: 'b', number: 'MAINT-00002' },
      { id: 'd', number: 'MAINT-00004' },
    ]);
  });

  it('splits free and billable tickets per contract', () => {
    expect(ticketStats(tickets, now).byContract).toEqual([
      { contractId: CONTRACT_ID, free: 3, billable: 0 },
      { contractId: null, free: 0, billable: 1 },
    ]);
  });

  it('answers zeroes for no tickets', () => {
    expect(ticketStats([], now)).toMatchObject({
      total: 0,
      meanResolutionHours: null,
      slaBreached: [],
      byContract: [],
    });
  });
});
