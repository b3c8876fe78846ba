import { type Role } from '@mg/shared-kernel';
import { type Project } from './contract.types';

/** Who is asking: enough of the authenticated caller to decide what they may see. */
export interface Viewer {
  id: string;
  role: Role;
}

/**
 * SPEC §5 object-level access: an admin sees every project; anyone else sees, and acts on, only
 * the projects they are a member of. Everything hanging off a project (its contracts, members,
 * audit entries) follows its project.
 */
export function canSeeProject(viewer: Viewer, project: Pick<Project, 'memberIds'>): boolean {
  return viewer.role === 'ADMIN' || project.memberIds.includes(viewer.id);
}

/**
 * The member whose projects a list must be restricted to, or undefined when the viewer sees
 * everything. Lists filter in the query, so another project's objects never reach the caller.
 */
export function membershipScopeOf(viewer: Viewer): string | undefined {
  return viewer.role === 'ADMIN' ? undefined : viewer.id;
}

/**
 * The members of a project someone creates: the ones they named, plus themselves when they are
 * not an admin — a project manager who could not see their own new project could not manage it.
 */
export function initialMemberIds(creator: Viewer, memberIds: readonly string[] = []): string[] {
  return creator.role === 'ADMIN' || memberIds.includes(creator.id)
    ? [...memberIds]
    : [...memberIds, creator.id];
}
