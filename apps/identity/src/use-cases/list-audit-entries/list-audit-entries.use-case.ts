import { Injectable } from '@nestjs/common';
import { type AuditEntryView, AuditLogReader, type AuditQuery } from '@mg/shared-audit';
import { type Page } from '@mg/shared-kernel';

@Injectable()
export class ListAuditEntriesUseCase {
  constructor(private readonly reader: AuditLogReader) {}

  /**
   * Identity's trail, unscoped for everyone allowed `audit:read` (admins and project managers).
   * Users belong to no project, and a project manager may already read every user
   * (`users:read`), so there is nothing to narrow a project manager's view to: a project scope
   * would hide every user entry from them (none carries a project id).
   */
  execute(query: AuditQuery): Promise<Page<AuditEntryView>> {
    return this.reader.list(query, {});
  }
}
