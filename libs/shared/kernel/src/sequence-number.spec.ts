import { formatSequenceNumber, parseSequenceNumber } from './sequence-number';

describe('sequence numbers (R5, R13)', () => {
  it('pads to five digits', () => {
    expect(formatSequenceNumber('MAINT', 1)).toBe('MAINT-00001');
    expect(formatSequenceNumber('BILLET', 42)).toBe('BILLET-00042');
    expect(formatSequenceNumber('MAINT', 99_999)).toBe('MAINT-99999');
  });

  it('grows wider past 99999 instead of wrapping', () => {
    expect(formatSequenceNumber('MAINT', 100_000)).toBe('MAINT-100000');
  });

  it('refuses zero, negatives and fractions', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) {
      expect(() => formatSequenceNumber('MAINT', n)).toThrow(RangeError);
    }
  });

  it('parses back only canonical numbers of its prefix', () => {
    expect(parseSequenceNumber('MAINT', 'MAINT-00001')).toBe(1);
    expect(parseSequenceNumber('MAINT', 'MAINT-100000')).toBe(100_000);
    expect(parseSequenceNumber('MAINT', 'BILLET-00001')).toBeNull();
    expect(parseSequenceNumber('MAINT', 'MAINT-1')).toBeNull();
    expect(parseSequenceNumber('MAINT', 'MAINT-000001')).toBeNull();
    expect(parseSequenceNumber('MAINT', 'MAINT-00000')).toBeNull();
  });
});
