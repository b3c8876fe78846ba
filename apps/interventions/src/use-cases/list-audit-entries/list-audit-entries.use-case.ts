import { Injectable } from '@nestjs/common';
import { type AuditEntryView, AuditLogReader, type AuditQuery } from '@mg/shared-audit';
import { type Page } from '@mg/shared-kernel';
import { ContractsClient } from '@mg/shared-service-clients';
import { type Caller } from '../caller';

@Injectable()
export class ListAuditEntriesUseCase {
  constructor(
    private readonly reader: AuditLogReader,
    private readonly contracts: ContractsClient,
  ) {}

  /**
   * An admin reads the whole trail; a project manager the entries of their projects only, as the
   * contracts service (which owns membership) lists them for the caller.
   */
  async execute(caller: Caller, query: AuditQuery): Promise<Page<AuditEntryView>> {
    if (caller.role === 'ADMIN') return this.reader.list(query, {});
    const projects = await this.contracts.listProjects(caller.authorization);
    return this.reader.list(query, { projectIds: projects.map((project) => project.id) });
  }
}
