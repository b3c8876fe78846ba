import { Injectable } from '@nestjs/common';
import { type AuditEntryView, AuditLogReader, type AuditQuery } from '@mg/shared-audit';
import { type Page } from '@mg/shared-kernel';
import { type Caller } from '../caller';
import { TicketAccess } from '../ticket-access';

@Injectable()
export class ListAuditEntriesUseCase {
  constructor(
    private readonly reader: AuditLogReader,
    private readonly access: TicketAccess,
  ) {}

  /** An admin reads the whole trail; a project manager the entries of their projects only. */
  async execute(caller: Caller, query: AuditQuery): Promise<Page<AuditEntryView>> {
    const projectIds = await this.access.projectScope(caller);
    return this.reader.list(query, projectIds === undefined ? {} : { projectIds });
  }
}
