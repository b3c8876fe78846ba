import { type SqlExecutor } from '@mg/shared-database';

export interface AuditChainVerification {
  /** True when every row's hash matches its fields and its predecessor's hash. */
  ok: boolean;
  /** How many rows the table holds. */
  checked: number;
  /** The first row that does not hold (edited, or following a removed row). */
  firstBrokenSeq?: number;
}

/**
 * Recomputes the whole hash chain in the database (`audit_log_verify()`, the same hash function
 * the insert trigger uses). An edited field, a removed row or a reordered seq breaks it.
 */
export async function verifyAuditChain(executor: SqlExecutor): Promise<AuditChainVerification> {
  const rows = await executor.$queryRawUnsafe<
    { ok: boolean; checked: string; first_broken_seq: string | null }[]
  >(
    'SELECT ok, checked::text AS checked, first_broken_seq::text AS first_broken_seq FROM audit_log_verify()',
  );
  const row = rows[0];
  if (!row) throw new Error('audit_log_verify() returned no row');
  return {
    ok: row.ok,
    checked: Number(row.checked),
    ...(row.first_broken_seq === null ? {} : { firstBrokenSeq: Number(row.first_broken_seq) }),
  };
}
