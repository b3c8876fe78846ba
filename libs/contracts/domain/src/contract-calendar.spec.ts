import { addDays, businessDay } from '@mg/shared-kernel';
import { aContract } from './contract.fixtures';
import {
  daysRemaining,
  EXPIRING_SOON_DAYS,
  hasExpired,
  isContractActive,
  isExpiringWithin,
  presentContract,
} from './contract-calendar';

const firstHalf = aContract({ startDate: '2026-01-01', endDate: '2026-06-30' });
const at = (iso: string) => new Date(iso);

describe('R3 active (inclusive [startDate, endDate] in the business time zone)', () => {
  it('is inactive the day before the start', () => {
    expect(isContractActive(firstHalf, at('2025-12-31T12:00:00Z'))).toBe(false);
  });

  it('is active on the start day, from its first minute', () => {
    expect(isContractActive(firstHalf, at('2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('is active on the end day, until its last minute', () => {
    expect(isContractActive(firstHalf, at('2026-06-30T23:59:59Z'))).toBe(true);
  });

  it('is inactive the day after the end', () => {
    expect(isContractActive(firstHalf, at('2026-07-01T00:00:00Z'))).toBe(false);
    expect(hasExpired(firstHalf, at('2026-07-01T00:00:00Z'))).toBe(true);
    expect(hasExpired(firstHalf, at('2026-06-30T23:59:59Z'))).toBe(false);
  });

  it('is already expired at 23:30 UTC on the end day in Europe/Paris, where it is tomorrow', () => {
    const lateEvening = at('2026-06-30T23:30:00Z');
    expect(isContractActive(firstHalf, lateEvening, 'UTC')).toBe(true);
    expect(isContractActive(firstHalf, lateEvening, 'Europe/Paris')).toBe(false);
  });

  it('starts at local midnight in Europe/Paris, before UTC midnight', () => {
    expect(isContractActive(firstHalf, at('2025-12-31T23:30:00Z'), 'Europe/Paris')).toBe(true);
  });
});

describe('R3 daysRemaining (endDate − today, 0 once expired)', () => {
  it('counts 355 days for a contract that started 10 days ago and ends in 355 days', () => {
    const now = at('2026-03-15T08:00:00Z');
    const today = businessDay(now);
    const contract = aContract({ startDate: addDays(today, -10), endDate: addDays(today, 355) });
    expect(daysRemaining(contract, now)).toBe(355);
  });

  it('is 1 the day before the end and 0 on the end day itself', () => {
    expect(daysRemaining(firstHalf, at('2026-06-29T10:00:00Z'))).toBe(1);
    expect(daysRemaining(firstHalf, at('2026-06-30T10:00:00Z'))).toBe(0);
  });

  it('stays 0 after expiry, never negative', () => {
    expect(daysRemaining(firstHalf, at('2026-07-01T00:00:00Z'))).toBe(0);
    expect(daysRemaining(firstHalf, at('2027-01-01T00:00:00Z'))).toBe(0);
  });

  it('counts down to the end even before the contract starts', () => {
    expect(daysRemaining(firstHalf, at('2025-12-31T10:00:00Z'))).toBe(181);
  });

  it('follows the business time zone', () => {
    expect(daysRemaining(firstHalf, at('2026-06-29T23:30:00Z'), 'UTC')).toBe(1);
    expect(daysRemaining(firstHalf, at('2026-06-29T23:30:00Z'), 'Europe/Paris')).toBe(0);
  });
});

describe('contracts expiring soon', () => {
  it('counts an active contract ending within the window, not an expired one', () => {
    expect(isExpiringWithin(firstHalf, EXPIRING_SOON_DAYS, at('2026-05-31T10:00:00Z'))).toBe(true);
    expect(isExpiringWithin(firstHalf, EXPIRING_SOON_DAYS, at('2026-05-30T10:00:00Z'))).toBe(false);
    expect(isExpiringWithin(firstHalf, EXPIRING_SOON_DAYS, at('2026-07-01T10:00:00Z'))).toBe(false);
  });
});

describe('presentContract', () => {
  it('adds active and daysRemaining to the stored contract', () => {
    const view = presentContract(firstHalf, at('2026-06-20T10:00:00Z'));
    expect(view).toEqual({ ...firstHalf, active: true, daysRemaining: 10 });
  });
});
