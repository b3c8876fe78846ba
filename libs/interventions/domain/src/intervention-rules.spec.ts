import { type ErrorCode, type Role } from '@mg/shared-kernel';
import { assertMayRecordIntervention, interventionWarnings } from './intervention-rules';

const DEVELOPER = '4a1d0f5c-8f0e-4c8e-b2a4-7a6b1c2d3e4f';
const SOMEONE_ELSE = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
const billet = { developerId: DEVELOPER };

function codeOf(id: string, role: Role): ErrorCode | undefined {
  try {
    assertMayRecordIntervention({ actor: { id, role }, billet });
    return undefined;
  } catch (error) {
    return (error as { code?: ErrorCode }).code;
  }
}

describe('R14 who may record an intervention', () => {
  it("lets the billet's developer record it", () => {
    expect(codeOf(DEVELOPER, 'DEVELOPER')).toBeUndefined();
  });

  it('lets a project manager or an admin record it on any billet', () => {
    expect(codeOf(SOMEONE_ELSE, 'PROJECT_MANAGER')).toBeUndefined();
    expect(codeOf(SOMEONE_ELSE, 'ADMIN')).toBeUndefined();
  });

  it("forbids another developer from recording on someone else's billet", () => {
    expect(codeOf(SOMEONE_ELSE, 'DEVELOPER')).toBe('FORBIDDEN');
  });

  it('forbids support and client users, even with the same id', () => {
    expect(codeOf(DEVELOPER, 'SUPPORT')).toBe('FORBIDDEN');
    expect(codeOf(DEVELOPER, 'CLIENT')).toBe('FORBIDDEN');
  });
});

describe('R16 time overrun warning', () => {
  it('warns TIME_OVERRUN when hours spent exceed twice the estimate', () => {
    expect(interventionWarnings(5.01, 2.5)).toEqual(['TIME_OVERRUN']);
  });

  it('does not warn at exactly twice the estimate', () => {
    expect(interventionWarnings(5, 2.5)).toEqual([]);
  });

  it('does not warn under the estimate', () => {
    expect(interventionWarnings(0, 2.5)).toEqual([]);
    expect(interventionWarnings(2.5, 2.5)).toEqual([]);
  });
});
