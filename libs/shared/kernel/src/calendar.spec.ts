import {
  addDays,
  businessDay,
  daysBetween,
  isCalendarDate,
  isValidTimeZone,
  isWithinInclusive,
  rangesOverlapInclusive,
} from './calendar';

describe('calendar days', () => {
  it('accepts real calendar days, leap days included', () => {
    expect(isCalendarDate('2026-01-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });

  it('rejects days that do not exist or are not YYYY-MM-DD', () => {
    for (const value of [
      '2026-02-30',
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-1-01',
      '26-01-01',
      '2026-01-01T00:00:00Z',
      '0050-01-01',
      '',
    ]) {
      expect(isCalendarDate(value)).toBe(false);
    }
  });

  it('counts whole days across months, leap years and DST changes', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-07-01', '2026-06-30')).toBe(-1);
  });

  it('adds days, forwards and backwards', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('refuses to compute with a malformed day', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});

describe('businessDay', () => {
  const lateEvening = new Date('2026-06-30T23:30:00Z');

  it('defaults to UTC', () => {
    expect(businessDay(lateEvening)).toBe('2026-06-30');
  });

  it('is already tomorrow in Europe/Paris at 23:30 UTC', () => {
    expect(businessDay(lateEvening, 'Europe/Paris')).toBe('2026-07-01');
  });

  it('is still yesterday west of UTC', () => {
    expect(businessDay(new Date('2026-07-01T02:00:00Z'), 'America/New_York')).toBe('2026-06-30');
  });

  it('throws for an unknown time zone, which configuration can check up front', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => businessDay(lateEvening, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('inclusive ranges', () => {
  it('includes both the first and the last day', () => {
    expect(isWithinInclusive('2026-01-01', '2026-01-01', '2026-12-31')).toBe(true);
    expect(isWithinInclusive('2026-12-31', '2026-01-01', '2026-12-31')).toBe(true);
    expect(isWithinInclusive('2025-12-31', '2026-01-01', '2026-12-31')).toBe(false);
    expect(isWithinInclusive('2027-01-01', '2026-01-01', '2026-12-31')).toBe(false);
  });

  it('treats ranges sharing a single day as overlapping', () => {
    const firstHalf = { startDate: '2026-01-01', endDate: '2026-06-30' };
    expect(
      rangesOverlapInclusive(firstHalf, { startDate: '2026-06-30', endDate: '2026-12-31' }),
    ).toBe(true);
    expect(
      rangesOverlapInclusive(firstHalf, { startDate: '2026-07-01', endDate: '2026-12-31' }),
    ).toBe(false);
    expect(
      rangesOverlapInclusive(firstHalf, { startDate: '2026-02-01', endDate: '2026-02-28' }),
    ).toBe(true);
  });
});
