import { aTicket, CONTRACT_ID } from './ticket.fixtures';
import {
  EXPIRING_WITHIN_DAYS,
  type IndicatorContract,
  projectIndicators,
} from './project-indicators';

const now = new Date('2026-03-10T10:00:00Z');
const OTHER_CONTRACT_ID = '7d1e2c3b-4a5f-4e6d-8c7b-1a2b3c4d5e6f';

const contract = (overrides: Partial<IndicatorContract> = {}): IndicatorContract => ({
  id: CONTRACT_ID,
  type: 'CORRECTIVE',
  endDate: '2026-12-31',
  active: true,
  daysRemaining: 296,
  ...overrides,
});

describe('project indicators (GET /stats)', () => {
  it('splits free and billable tickets per contract, with every contract listed and the tickets without one last', () => {
    const indicators = projectIndicators(
      [
        aTicket({ id: 'a', billable: false }),
        aTicket({ id: 'b', billable: true, rejectionReason: 'Warranty contract expired' }),
        aTicket({ id: 'c', contractId: null, billable: true }),
      ],
      [contract(), contract({ id: OTHER_CONTRACT_ID, type: 'EVOLUTIVE' })],
      now,
    );
    expect(indicators.byContract).toEqual([
      { contractId: CONTRACT_ID, type: 'CORRECTIVE', free: 1, billable: 1 },
      { contractId: OTHER_CONTRACT_ID, type: 'EVOLUTIVE', free: 0, billable: 0 },
      { contractId: null, type: null, free: 0, billable: 1 },
    ]);
    expect(indicators.total).toBe(3);
  });

  it('keeps the ticket figures of ticketStats', () => {
    const indicators = projectIndicators([aTicket({ status: 'OPEN' })], [], now);
    expect(indicators.byStatus.OPEN).toBe(1);
    expect(indicators.bySeverity.CRITICAL).toBe(1);
    expect(indicators.meanResolutionHours).toBeNull();
  });

  it(`lists the active contracts ending within ${EXPIRING_WITHIN_DAYS} days, soonest first`, () => {
    const indicators = projectIndicators(
      [],
      [
        contract({ id: 'far', daysRemaining: EXPIRING_WITHIN_DAYS + 1 }),
        contract({ id: 'edge', endDate: '2026-04-09', daysRemaining: EXPIRING_WITHIN_DAYS }),
        contract({ id: 'soon', endDate: '2026-03-12', daysRemaining: 2 }),
        contract({ id: 'expired', endDate: '2026-03-01', active: false, daysRemaining: 0 }),
      ],
      now,
    );
    expect(indicators.expiringContracts).toEqual([
      { id: 'soon', type: 'CORRECTIVE', endDate: '2026-03-12', daysRemaining: 2 },
      { id: 'edge', type: 'CORRECTIVE', endDate: '2026-04-09', daysRemaining: 30 },
    ]);
  });
});
