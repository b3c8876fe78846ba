import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { auditQuerySchema, type AuditEntryView } from '../audit-log.reader';
import { ROLES } from '@mg/shared-kernel';

export class AuditQueryDto extends createZodDto(auditQuerySchema) {}

/** SPEC §7: `{at, actor, action, entity, reason, requestId}`, plus the change itself. */
export const auditEntryResponseSchema = z.object({
  id: z.uuid(),
  seq: z.int(),
  at: z.iso.datetime(),
  actor: z.union([z.object({ id: z.string(), role: z.enum(ROLES) }), z.literal('system')]),
  action: z.string(),
  entity: z.object({ type: z.string(), id: z.string().nullable() }),
  projectId: z.uuid().nullable(),
  outcome: z.enum(['SUCCEEDED', 'REFUSED']),
  statusCode: z.int().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryResponse = z.infer<typeof auditEntryResponseSchema>;
export class AuditPageResponseDto extends createZodDto(
  z.object({ items: z.array(auditEntryResponseSchema), nextCursor: z.string().nullable() }),
) {}

export const toAuditEntryResponse = (entry: AuditEntryView): AuditEntryResponse => ({
  ...entry,
  at: entry.at.toISOString(),
});
