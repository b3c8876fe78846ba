import { z } from 'zod';
import { type SqlExecutor } from '@mg/shared-database';
import { cursorCodec, type Page, pageQuerySchema, type Role, toPage } from '@mg/shared-kernel';
import { type AuditActor, type AuditOutcome, SYSTEM_ACTOR_ROLE } from './audit-entry';

/** `GET /api/v1/audit?entityType=&entityId=&limit=&cursor=` (SPEC §7), for each service's controller. */
export const auditQuerySchema = pageQuerySchema.extend({
  entityType: z.string().min(1).max(100).optional(),
  entityId: z.string().min(1).max(200).optional(),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** One audit entry as the API shows it (SPEC §7: at, actor, action, entity, reason, requestId). */
export interface AuditEntryView {
  id: string;
  seq: number;
  at: Date;
  actor: AuditActor;
  action: string;
  entity: { type: string; id: string | null };
  projectId: string | null;
  outcome: AuditOutcome;
  statusCode: number | null;
  reason: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditScope {
  /**
   * Only entries of these projects (a project manager's memberships, SPEC §5); entries without
   * a project are then left out. Omit for everything (an admin).
   */
  projectIds?: readonly string[];
}

/** Entries are listed in chain order; the cursor is the last seen seq. */
const seqCursor = cursorCodec(
  z.strictObject({ seq: z.string().regex(/^\d{1,15}$/) }),
  (seq: number) => ({ seq: String(seq) }),
  ({ seq }) => Number(seq),
);

interface AuditRow {
  id: string;
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  project_id: string | null;
  outcome: AuditOutcome;
  status_code: number | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
}

// Optional filters are written `($n IS NULL OR …)` so one statement serves every combination.
const LIST_SQL = `
  SELECT id::text AS id, seq::text AS seq, occurred_at, actor_id::text AS actor_id, actor_role,
         action, entity_type, entity_id, project_id::text AS project_id, outcome, status_code,
         before, after, reason, request_id
  FROM audit_log
  WHERE seq > $1::bigint
    AND ($2::text IS NULL OR entity_type = $2::text)
    AND ($3::text IS NULL OR entity_id = $3::text)
    AND ($4::jsonb IS NULL OR project_id::text IN (SELECT jsonb_array_elements_text($4::jsonb)))
  ORDER BY seq
  LIMIT $5::int`;

const toView = (row: AuditRow): AuditEntryView => ({
  id: row.id,
  seq: Number(row.seq),
  at: row.occurred_at,
  actor:
    row.actor_id === null && row.actor_role === SYSTEM_ACTOR_ROLE
      ? 'system'
      : { id: row.actor_id ?? '', role: row.actor_role as Role },
  action: row.action,
  entity: { type: row.entity_type, id: row.entity_id },
  projectId: row.project_id,
  outcome: row.outcome,
  statusCode: row.status_code,
  reason: row.reason,
  requestId: row.request_id,
  before: row.before,
  after: row.after,
});

/**
 * One page of a service's audit trail, oldest first. Paging by seq never skips an entry: seq is
 * assigned under a lock held until commit, so a later page cannot gain an earlier entry.
 * @throws DomainError VALIDATION_FAILED for a cursor this function did not issue.
 */
export async function listAuditEntries(
  executor: SqlExecutor,
  query: AuditQuery,
  scope: AuditScope = {},
): Promise<Page<AuditEntryView>> {
  const afterSeq = query.cursor === undefined ? 0 : seqCursor.decode(query.cursor);
  const rows = await executor.$queryRawUnsafe<AuditRow[]>(
    LIST_SQL,
    String(afterSeq),
    query.entityType ?? null,
    query.entityId ?? null,
    scope.projectIds === undefined ? null : JSON.stringify(scope.projectIds),
    query.limit + 1,
  );
  return toPage(rows.map(toView), query.limit, (entry) => seqCursor.encode(entry.seq));
}
