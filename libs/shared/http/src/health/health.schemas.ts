import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  service: z.string().meta({ example: 'tickets' }),
});

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  checks: z
    .record(z.string(), z.string())
    .meta({ example: { database: 'up', nats: 'down: connection closed' } }),
});

export class HealthDto extends createZodDto(healthSchema) {}
export class ReadinessDto extends createZodDto(readinessSchema) {}
