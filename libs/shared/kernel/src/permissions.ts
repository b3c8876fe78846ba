import { type Role } from './roles';

/**
 * SPEC §5 as data: which roles may perform each action. The HTTP guard denies any route that
 * does not name one of these permissions, so a new route is closed until someone decides who may
 * call it. Object-level rules (project membership, "only on own billet", "not own report") are
 * checked by the use cases on top of this table.
 */
export const PERMISSIONS = {
  'users:manage': ['ADMIN'],
  'users:read': ['ADMIN', 'PROJECT_MANAGER'],
  'projects:write': ['ADMIN', 'PROJECT_MANAGER'],
  'contracts:write': ['ADMIN', 'PROJECT_MANAGER'],
  'tickets:create': ['ADMIN', 'PROJECT_MANAGER', 'DEVELOPER', 'SUPPORT', 'CLIENT'],
  'billets:issue': ['ADMIN', 'PROJECT_MANAGER'],
  'interventions:record': ['ADMIN', 'PROJECT_MANAGER', 'DEVELOPER'],
  'reports:write': ['ADMIN', 'PROJECT_MANAGER', 'DEVELOPER'],
  'reports:validate': ['ADMIN', 'PROJECT_MANAGER'],
  'tickets:decide': ['ADMIN', 'PROJECT_MANAGER'],
  'audit:read': ['ADMIN', 'PROJECT_MANAGER'],
  /** Reading follows project membership; every authenticated role may ask. */
  read: ['ADMIN', 'PROJECT_MANAGER', 'DEVELOPER', 'SUPPORT', 'CLIENT'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isAllowed(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
