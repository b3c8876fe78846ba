import { type ErrorCode, ROLES } from '@mg/shared-kernel';
import { assertDeveloperEligible, assertTicketProcessable } from './billet-rules';

function codeOf(action: () => void): ErrorCode | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as { code?: ErrorCode }).code;
  }
}

describe('R11 billets need a processable ticket', () => {
  it.each(['OPEN', 'IN_PROGRESS'])('accepts a billet for a processable %s ticket', (status) => {
    expect(codeOf(() => assertTicketProcessable({ processable: true, status }))).toBeUndefined();
  });

  it('refuses a billet for a billable ticket', () => {
    expect(codeOf(() => assertTicketProcessable({ processable: false, status: 'OPEN' }))).toBe(
      'TICKET_NOT_PROCESSABLE',
    );
  });

  it.each(['CLOSED', 'REJECTED'])('refuses a billet for a %s ticket', (status) => {
    expect(codeOf(() => assertTicketProcessable({ processable: false, status }))).toBe(
      'TICKET_NOT_PROCESSABLE',
    );
  });

  it('R13: refuses a billet for a RESOLVED ticket, which must be reopened first', () => {
    expect(codeOf(() => assertTicketProcessable({ processable: true, status: 'RESOLVED' }))).toBe(
      'INVALID_TRANSITION',
    );
  });
});

describe('R12 eligible developer', () => {
  it('accepts a developer or project manager who is a project member', () => {
    for (const role of ['DEVELOPER', 'PROJECT_MANAGER'] as const) {
      expect(
        codeOf(() => assertDeveloperEligible({ role, isProjectMember: true })),
      ).toBeUndefined();
    }
  });

  it('refuses every other role, even as a member', () => {
    const others = ROLES.filter((role) => role !== 'DEVELOPER' && role !== 'PROJECT_MANAGER');
    expect(others).toEqual(['ADMIN', 'SUPPORT', 'CLIENT']);
    for (const role of others) {
      expect(codeOf(() => assertDeveloperEligible({ role, isProjectMember: true }))).toBe(
        'DEVELOPER_NOT_ELIGIBLE',
      );
    }
  });

  it('refuses a developer who is not a member of the project', () => {
    expect(
      codeOf(() => assertDeveloperEligible({ role: 'DEVELOPER', isProjectMember: false })),
    ).toBe('DEVELOPER_NOT_ELIGIBLE');
  });

  it('refuses a deactivated account, even a member developer', () => {
    expect(
      codeOf(() =>
        assertDeveloperEligible({ role: 'DEVELOPER', active: false, isProjectMember: true }),
      ),
    ).toBe('DEVELOPER_NOT_ELIGIBLE');
    expect(
      codeOf(() =>
        assertDeveloperEligible({ role: 'DEVELOPER', active: true, isProjectMember: true }),
      ),
    ).toBeUndefined();
  });

  it('refuses a user identity does not know', () => {
    expect(codeOf(() => assertDeveloperEligible(null))).toBe('DEVELOPER_NOT_ELIGIBLE');
  });
});
