import { z } from 'zod';
import { domainServiceVariables, httpUrl } from '@mg/shared-config';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '@mg/shared-kernel';

export const ticketsConfigSchema = z.object({
  ...domainServiceVariables({ port: 3003, database: 'mg_tickets' }),
  /** Where projects and contracts are read, with the caller's token (R6, SPEC §5 membership). */
  CONTRACTS_URL: httpUrl('http://127.0.0.1:3002'),
  /**
   * The IANA zone whose calendar decides whether a contract is active on the day a ticket is
   * opened (R6 through R3); set it as the contracts service's, so both agree on "today".
   */
  BUSINESS_TIME_ZONE: z
    .string()
    .min(1)
    .default(DEFAULT_TIME_ZONE)
    .refine(isValidTimeZone, { error: 'must be an IANA time zone, e.g. Europe/Paris' }),
});

export type TicketsConfig = z.infer<typeof ticketsConfigSchema>;
