/**
 * Human-facing numbers such as `MAINT-00001` and `BILLET-00001` (SPEC R5, R13): zero-padded to
 * five digits, and simply wider past 99999 (`MAINT-100000`) so they stay unique and ordered. The
 * integer itself comes from a database sequence, never from `count() + 1`.
 */
export const SEQUENCE_NUMBER_WIDTH = 5;

export function formatSequenceNumber(prefix: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`A sequence number is a positive integer, got ${n}`);
  }
  return `${prefix}-${String(n).padStart(SEQUENCE_NUMBER_WIDTH, '0')}`;
}

/** The integer behind a formatted number, or null when `value` is not `<prefix>-<digits>`. */
export function parseSequenceNumber(prefix: string, value: string): number | null {
  if (!value.startsWith(`${prefix}-`)) return null;
  const digits = value.slice(prefix.length + 1);
  if (!/^\d{5,}$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n >= 1 && formatSequenceNumber(prefix, n) === value ? n : null;
}
