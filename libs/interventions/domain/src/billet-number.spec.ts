import { formatBilletNumber, parseBilletNumber } from './billet-number';

describe('R13 billet numbers', () => {
  it('formats BILLET-00001 and grows past 99999', () => {
    expect(formatBilletNumber(1)).toBe('BILLET-00001');
    expect(formatBilletNumber(100_000)).toBe('BILLET-100000');
  });

  it('parses a number back', () => {
    expect(parseBilletNumber('BILLET-00007')).toBe(7);
    expect(parseBilletNumber('MAINT-00007')).toBeNull();
  });
});
