import { Injectable } from '@nestjs/common';
import { type AuditEntryView, AuditLogReader, type AuditQuery } from '@mg/shared-audit';
import { type Page } from '@mg/shared-kernel';
import { membershipScopeOf, type Viewer } from '@mg/contracts-domain';
import { ProjectRepository } from '@mg/contracts-data-access';

@Injectable()
export class ListAuditEntriesUseCase {
  constructor(
    private readonly reader: AuditLogReader,
    private readonly projects: ProjectRepository,
  ) {}

  /** An admin reads the whole trail; a project manager the entries of their projects only. */
  async execute(viewer: Viewer, query: AuditQuery): Promise<Page<AuditEntryView>> {
    const memberId = membershipScopeOf(viewer);
    const scope =
      memberId === undefined ? {} : { projectIds: await this.projects.findIdsByMember(memberId) };
    return this.reader.list(query, scope);
  }
}
