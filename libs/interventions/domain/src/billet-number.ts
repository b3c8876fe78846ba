import { formatSequenceNumber, parseSequenceNumber } from '@mg/shared-kernel';

export const BILLET_NUMBER_PREFIX = 'BILLET';

/** R13: `BILLET-00001`, from a database sequence, as R5 does for tickets. */
export function formatBilletNumber(n: number): string {
  return formatSequenceNumber(BILLET_NUMBER_PREFIX, n);
}

export function parseBilletNumber(value: string): number | null {
  return parseSequenceNumber(BILLET_NUMBER_PREFIX, value);
}
