import { isAllowed, PERMISSIONS } from './permissions';
import { ROLES } from './roles';

describe('SPEC §5 permission matrix', () => {
  it('lets only admins manage users', () => {
    expect(ROLES.filter((role) => isAllowed(role, 'users:manage'))).toEqual(['ADMIN']);
  });

  it('lets every role create a ticket and read', () => {
    for (const role of ROLES) {
      expect(isAllowed(role, 'tickets:create')).toBe(true);
      expect(isAllowed(role, 'read')).toBe(true);
    }
  });

  it('keeps billets, validation and ticket decisions to project managers and admins', () => {
    for (const permission of ['billets:issue', 'reports:validate', 'tickets:decide'] as const) {
      expect(ROLES.filter((role) => isAllowed(role, permission))).toEqual([
        'ADMIN',
        'PROJECT_MANAGER',
      ]);
    }
  });

  it('never grants support or client users anything but creating tickets and reading', () => {
    const granted = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter(
      (permission) => isAllowed('SUPPORT', permission) || isAllowed('CLIENT', permission),
    );
    expect(granted.sort()).toEqual(['read', 'tickets:create']);
  });
});
