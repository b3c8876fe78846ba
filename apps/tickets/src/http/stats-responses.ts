import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { EXPIRING_WITHIN_DAYS, SEVERITIES, TICKET_STATUSES } from '@mg/tickets-domain';

const counts = <Key extends string>(keys: readonly [Key, ...Key[]]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.int().min(0)])) as Record<Key, z.ZodInt>);

/** SPEC §7 `GET /stats?projectId=`: one project's dashboard figures. */
export const statsResponseSchema = z.object({
  projectId: z.uuid(),
  total: z.int().min(0),
  byStatus: counts(TICKET_STATUSES),
  bySeverity: counts(SEVERITIES),
  slaBreached: z
    .array(z.object({ id: z.uuid(), number: z.string() }))
    .describe('Tickets whose response clock passed its deadline before it stopped'),
  meanResolutionHours: z
    .number()
    .nullable()
    .describe('Creation → resolution of the tickets resolved or closed; null when none'),
  byContract: z
    .array(
      z.object({
        contractId: z.uuid().nullable(),
        type: z.string().nullable(),
        free: z.int().min(0),
        billable: z.int().min(0),
      }),
    )
    .describe('Every contract of the project, then the tickets without a contract (null)'),
  expiringContracts: z
    .array(
      z.object({
        id: z.uuid(),
        type: z.string(),
        endDate: z.iso.date(),
        daysRemaining: z.int().min(0),
      }),
    )
    .describe(`Active contracts ending within ${EXPIRING_WITHIN_DAYS} days, soonest first`),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;
export class StatsResponseDto extends createZodDto(statsResponseSchema) {}
