import { z } from 'zod';
import { domainServiceVariables, httpUrl } from '@mg/shared-config';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '@mg/shared-kernel';

export const contractsConfigSchema = z.object({
  ...domainServiceVariables({ port: 3002, database: 'mg_contracts' }),
  /** Where members are checked to be real users (`GET /api/v1/users/:id`). */
  IDENTITY_URL: httpUrl('http://127.0.0.1:3001'),
  /** The IANA zone whose calendar decides "today" for R3 (`active`, `daysRemaining`). */
  BUSINESS_TIME_ZONE: z
    .string()
    .min(1)
    .default(DEFAULT_TIME_ZONE)
    .refine(isValidTimeZone, { error: 'must be an IANA time zone, e.g. Europe/Paris' }),
});

export type ContractsConfig = z.infer<typeof contractsConfigSchema>;
