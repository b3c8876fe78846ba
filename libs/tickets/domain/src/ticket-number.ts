import { formatSequenceNumber, parseSequenceNumber } from '@mg/shared-kernel';

export const TICKET_NUMBER_PREFIX = 'MAINT';

/** R5: `MAINT-00001`; `n` comes from a database sequence, so numbers stay unique under load. */
export function formatTicketNumber(n: number): string {
  return formatSequenceNumber(TICKET_NUMBER_PREFIX, n);
}

export function parseTicketNumber(value: string): number | null {
  return parseSequenceNumber(TICKET_NUMBER_PREFIX, value);
}
