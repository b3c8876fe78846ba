import { Injectable } from '@nestjs/common';
import { type Project, type Viewer } from '@mg/contracts-domain';
import { ProjectRepository } from '@mg/contracts-data-access';
import { visibleProject } from '../visible-objects';

@Injectable()
export class GetProjectUseCase {
  constructor(private readonly projects: ProjectRepository) {}

  /** @throws DomainError NOT_FOUND for an unknown project or one the viewer is not a member of */
  execute(viewer: Viewer, id: string): Promise<Project> {
    return visibleProject(this.projects, viewer, id);
  }
}
