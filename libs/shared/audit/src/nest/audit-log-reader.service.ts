import { Inject, Injectable } from '@nestjs/common';
import { type SqlExecutor } from '@mg/shared-database';
import { type Page } from '@mg/shared-kernel';
import {
  type AuditEntryView,
  type AuditQuery,
  type AuditScope,
  listAuditEntries,
} from '../audit-log.reader';
import { AUDIT_EXECUTOR } from './audit.tokens';

/**
 * The read side of `GET /api/v1/audit`: `AuditController` parses the query with
 * `auditQuerySchema`, requires `audit:read`, narrows the scope to the caller's projects when the
 * caller is not an admin, and returns this page.
 */
@Injectable()
export class AuditLogReader {
  constructor(@Inject(AUDIT_EXECUTOR) private readonly executor: SqlExecutor) {}

  list(query: AuditQuery, scope?: AuditScope): Promise<Page<AuditEntryView>> {
    return listAuditEntries(this.executor, query, scope);
  }
}
