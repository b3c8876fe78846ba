import { assessCoverage, CONTRACT_EXPIRED_REASON } from './coverage';
import { OTHER_PROJECT_ID, PROJECT_ID } from './ticket.fixtures';

const contract = { projectId: PROJECT_ID, startDate: '2026-01-01', endDate: '2026-06-30' };
const at = (iso: string) => new Date(iso);

describe('R6 coverage at creation', () => {
  it('makes a ticket without a contract billable, with no reason', () => {
    expect(
      assessCoverage({ ticketProjectId: PROJECT_ID, now: at('2026-03-01T10:00:00Z') }),
    ).toEqual({
      billable: true,
      rejectionReason: null,
    });
  });

  it('makes a ticket under an active contract free', () => {
    expect(
      assessCoverage({ ticketProjectId: PROJECT_ID, contract, now: at('2026-03-01T10:00:00Z') }),
    ).toEqual({
      billable: false,
      rejectionReason: null,
    });
  });

  it('covers the contract end day itself', () => {
    expect(
      assessCoverage({ ticketProjectId: PROJECT_ID, contract, now: at('2026-06-30T23:00:00Z') })
        .billable,
    ).toBe(false);
  });

  it('makes a ticket under an expired contract billable with "Warranty contract expired"', () => {
    expect(
      assessCoverage({ ticketProjectId: PROJECT_ID, contract, now: at('2026-07-01T00:00:00Z') }),
    ).toEqual({
      billable: true,
      rejectionReason: 'Warranty contract expired',
    });
    expect(CONTRACT_EXPIRED_REASON).toBe('Warranty contract expired');
  });

  it('treats a contract that has not started as not active', () => {
    expect(
      assessCoverage({ ticketProjectId: PROJECT_ID, contract, now: at('2025-12-31T12:00:00Z') }),
    ).toEqual({
      billable: true,
      rejectionReason: CONTRACT_EXPIRED_REASON,
    });
  });

  it('reads "today" in the business time zone', () => {
    const lateEvening = at('2026-06-30T23:30:00Z');
    expect(
      assessCoverage({ ticketProjectId: PROJECT_ID, contract, now: lateEvening, timeZone: 'UTC' })
        .billable,
    ).toBe(false);
    expect(
      assessCoverage({
        ticketProjectId: PROJECT_ID,
        contract,
        now: lateEvening,
        timeZone: 'Europe/Paris',
      }).billable,
    ).toBe(true);
  });

  it('refuses a contract of another project with CONTRACT_PROJECT_MISMATCH', () => {
    expect(() =>
      assessCoverage({
        ticketProjectId: OTHER_PROJECT_ID,
        contract,
        now: at('2026-03-01T10:00:00Z'),
      }),
    ).toThrow(expect.objectContaining({ code: 'CONTRACT_PROJECT_MISMATCH' }));
  });
});
