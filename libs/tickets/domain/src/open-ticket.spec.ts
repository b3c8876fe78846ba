import { openTicket, presentTicket, type TicketContract } from './open-ticket';
import { CONTRACT_ID, DEVELOPER_ID, OTHER_PROJECT_ID, PROJECT_ID } from './ticket.fixtures';
import { type CreateTicketInput } from './ticket.schemas';

const now = new Date('2026-03-01T10:00:00Z');
const input: CreateTicketInput = {
  projectId: PROJECT_ID,
  contractId: CONTRACT_ID,
  title: 'Card payment fails',
  description: 'Users cannot pay by card',
  severity: 'CRITICAL',
  origin: 'CLIENT',
};
const contract: TicketContract = {
  id: CONTRACT_ID,
  projectId: PROJECT_ID,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  slaHours: 24,
  resolutionHours: 72,
};
const base = { id: 'ticket-1', sequence: 1, createdById: DEVELOPER_ID, now };

describe('opening a ticket', () => {
  it('numbers it, leaves it OPEN and free under an active contract, with both deadlines', () => {
    const ticket = openTicket({ ...base, input, contract });
    expect(ticket).toMatchObject({
      number: 'MAINT-00001',
      status: 'OPEN',
      billable: false,
      rejectionReason: null,
      slaDeadline: new Date('2026-03-02T10:00:00Z'),
      resolutionDeadline: new Date('2026-03-04T10:00:00Z'),
      escalations: [],
    });
  });

  it('makes it billable without a contract, with no SLA clock', () => {
    const { contractId: _contractId, ...withoutContract } = input;
    const ticket = openTicket({ ...base, input: withoutContract, contract: null });
    expect(ticket).toMatchObject({
      billable: true,
      contractId: null,
      slaDeadline: null,
      resolutionDeadline: null,
    });
  });

  it('makes it billable with "Warranty contract expired" and no SLA clock under an expired contract', () => {
    const expired = { ...contract, endDate: '2026-02-28' };
    const ticket = openTicket({ ...base, input, contract: expired });
    expect(ticket).toMatchObject({
      billable: true,
      rejectionReason: 'Warranty contract expired',
      slaDeadline: null,
    });
  });

  it('refuses a contract of another project', () => {
    expect(() =>
      openTicket({ ...base, input: { ...input, projectId: OTHER_PROJECT_ID }, contract }),
    ).toThrow(expect.objectContaining({ code: 'CONTRACT_PROJECT_MISMATCH' }));
  });

  it('presents the computed fields', () => {
    const ticket = openTicket({ ...base, input, contract });
    const later = new Date('2026-03-02T12:00:00Z');
    expect(presentTicket(ticket, later)).toMatchObject({
      processable: true,
      elapsedHours: 26,
      slaBreached: true,
    });
  });
});
