import { type SqlExecutor } from '@mg/shared-database';
import {
  type AuditActor,
  type AuditEntry,
  type AuditOutcome,
  type AuditRefusal,
  type RecordedAuditEntry,
  SYSTEM_ACTOR_ROLE,
} from './audit-entry';

// seq, prev_hash and hash are left out: the audit_log_chain trigger computes them.
const INSERT_SQL = `
  INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, project_id,
                         outcome, status_code, before, after, reason, request_id)
  VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid, $7, $8::int, $9::jsonb, $10::jsonb, $11, $12)
  RETURNING id::text AS id, seq::text AS seq`;

/** undefined → SQL NULL; anything else as JSON text (Dates become ISO strings). */
const jsonParameter = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(value);

const actorColumns = (actor: AuditActor): [string | null, string] =>
  actor === 'system' ? [null, SYSTEM_ACTOR_ROLE] : [actor.id, actor.role];

async function insert(
  executor: SqlExecutor,
  entry: AuditEntry & { outcome: AuditOutcome; statusCode: number | null },
): Promise<RecordedAuditEntry> {
  const [actorId, actorRole] = actorColumns(entry.actor);
  const rows = await executor.$queryRawUnsafe<{ id: string; seq: string }[]>(
    INSERT_SQL,
    actorId,
    actorRole,
    entry.action,
    entry.entityType,
    entry.entityId ?? null,
    entry.projectId ?? null,
    entry.outcome,
    entry.statusCode,
    jsonParameter(entry.before),
    jsonParameter(entry.after),
    entry.reason ?? null,
    entry.requestId ?? null,
  );
  const row = rows[0];
  if (!row) throw new Error('INSERT INTO audit_log returned no row');
  return { id: row.id, seq: Number(row.seq) };
}

/**
 * Writes the service's audit trail (`audit_log`, append-only and hash-chained in the database).
 */
export const AuditTrail = {
  /**
   * Records a change that succeeded. Call it with the business transaction's executor
   * (`prisma.$transaction(async (tx) => { …; await AuditTrail.record(tx, entry) })`) so that the
   * change and its audit row commit or roll back together. The transaction must be READ
   * COMMITTED (the default): the chain trigger needs to see the latest committed row.
   */
  record(executor: SqlExecutor, entry: AuditEntry): Promise<RecordedAuditEntry> {
    return insert(executor, { ...entry, outcome: 'SUCCEEDED', statusCode: null });
  },

  /**
   * Records a refusal (403, 409, 422). Call it outside the failed transaction, which rolled back;
   * `AuditRefusalsFilter` does so for routes marked `@Audited()`.
   */
  recordRefusal(executor: SqlExecutor, refusal: AuditRefusal): Promise<RecordedAuditEntry> {
    return insert(executor, { ...refusal, outcome: 'REFUSED' });
  },
} as const;
