import { type AuthenticatedUser } from '@mg/shared-auth';

/**
 * The projects whose audit entries `caller` may read (SPEC §5), or `undefined` for every entry:
 * an admin's view, or a service whose entries belong to no project. `authorization` is the
 * caller's own bearer header, for a service that asks the owner of membership on their behalf.
 */
export type AuditProjectScope = (
  caller: AuthenticatedUser,
  authorization: string,
) => Promise<readonly string[] | undefined>;

/** Each service provides its `AuditProjectScope` under this token, for its `AuditController`. */
export const AUDIT_PROJECT_SCOPE = Symbol('AUDIT_PROJECT_SCOPE');
