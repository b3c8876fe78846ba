import { formatTicketNumber, parseTicketNumber } from './ticket-number';

describe('R5 ticket numbers', () => {
  it('formats MAINT-00001, MAINT-00002, …', () => {
    expect(formatTicketNumber(1)).toBe('MAINT-00001');
    expect(formatTicketNumber(2)).toBe('MAINT-00002');
  });

  it('grows past 99999', () => {
    expect(formatTicketNumber(99_999)).toBe('MAINT-99999');
    expect(formatTicketNumber(100_000)).toBe('MAINT-100000');
  });

  it('parses a number back', () => {
    expect(parseTicketNumber('MAINT-00042')).toBe(42);
    expect(parseTicketNumber('BILLET-00042')).toBeNull();
  });
});
