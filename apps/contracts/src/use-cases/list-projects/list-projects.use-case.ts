import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, type Page, type PageQuery, toPage } from '@mg/shared-kernel';
import { membershipScopeOf, type Project, type Viewer } from '@mg/contracts-domain';
import { ProjectRepository } from '@mg/contracts-data-access';

@Injectable()
export class ListProjectsUseCase {
  constructor(private readonly projects: ProjectRepository) {}

  /** Only the projects the viewer belongs to (every project for an admin). */
  async execute(viewer: Viewer, query: PageQuery): Promise<Page<Project>> {
    const rows = await this.projects.list({
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      memberId: membershipScopeOf(viewer),
    });
    return toPage(rows, query.limit, encodeCursor);
  }
}
