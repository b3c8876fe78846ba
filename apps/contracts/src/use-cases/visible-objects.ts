import { z } from 'zod';
import { DomainError } from '@mg/shared-kernel';
import {
  canSeeProject,
  type Project,
  type Viewer,
  type WarrantyContract,
} from '@mg/contracts-domain';
import { type ContractRepository, type ProjectRepository } from '@mg/contracts-data-access';

const isUuid = (id: string) => z.uuid().safeParse(id).success;

const projectNotFound = (id: string) =>
  new DomainError('NOT_FOUND', `No project has the id ${id}.`);

/**
 * SPEC §5: a project the caller may not see answers exactly like one that does not exist (404),
 * so its existence does not leak. An id that is not even a UUID is just as unknown.
 */
export async function visibleProject(
  projects: ProjectRepository,
  viewer: Viewer,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Project> {
  if (!isUuid(id)) throw projectNotFound(id);
  const project = options.forUpdate
    ? await projects.findByIdForUpdate(id)
    : await projects.findById(id);
  if (!project || !canSeeProject(viewer, project)) throw projectNotFound(id);
  return project;
}

/** A contract is visible when its project is; otherwise 404, as for an unknown id. */
export async function visibleContract(
  repositories: { projects: ProjectRepository; contracts: ContractRepository },
  viewer: Viewer,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<WarrantyContract> {
  const notFound = new DomainError('NOT_FOUND', `No contract has the id ${id}.`);
  if (!isUuid(id)) throw notFound;
  const contract = options.forUpdate
    ? await repositories.contracts.findByIdForUpdate(id)
    : await repositories.contracts.findById(id);
  const project = contract ? await repositories.projects.findById(contract.projectId) : null;
  if (!contract || !project || !canSeeProject(viewer, project)) throw notFound;
  return contract;
}
