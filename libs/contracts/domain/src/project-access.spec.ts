import { canSeeProject, initialMemberIds, membershipScopeOf } from './project-access';

const member = { id: '11111111-1111-4111-8111-111111111111', role: 'DEVELOPER' } as const;
const outsider = { id: '22222222-2222-4222-8222-222222222222', role: 'PROJECT_MANAGER' } as const;
const admin = { id: '33333333-3333-4333-8333-333333333333', role: 'ADMIN' } as const;
const project = { memberIds: [member.id] };

describe('project access (SPEC §5, object level)', () => {
  it('lets a member see their project, and not someone outside it whatever their role', () => {
    expect(canSeeProject(member, project)).toBe(true);
    expect(canSeeProject(outsider, project)).toBe(false);
  });

  it('lets an admin see every project, member or not', () => {
    expect(canSeeProject(admin, project)).toBe(true);
    expect(membershipScopeOf(admin)).toBeUndefined();
  });

  it('restricts the lists of anyone but an admin to their own projects', () => {
    expect(membershipScopeOf(member)).toBe(member.id);
    expect(membershipScopeOf(outsider)).toBe(outsider.id);
  });

  it('makes a project manager a member of the project they create, once', () => {
    expect(initialMemberIds(outsider, [member.id])).toEqual([member.id, outsider.id]);
    expect(initialMemberIds(outsider, [outsider.id])).toEqual([outsider.id]);
    expect(initialMemberIds(outsider)).toEqual([outsider.id]);
  });

  it('does not add an admin to the projects they create', () => {
    expect(initialMemberIds(admin, [member.id])).toEqual([member.id]);
  });
});
