import { type ErrorCode, type Role } from '@mg/shared-kernel';
import { type TechnicalReport } from './intervention.types';
import {
  assertMayValidate,
  assertNoReportYet,
  carriesValidation,
  validateReport,
} from './report-rules';

const AUTHOR = '4a1d0f5c-8f0e-4c8e-b2a4-7a6b1c2d3e4f';
const MANAGER = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
const now = new Date('2026-03-02T09:00:00Z');

const report: TechnicalReport = {
  id: 'report-1',
  interventionId: 'intervention-1',
  ticketId: 'ticket-1',
  projectId: 'project-1',
  authorId: AUTHOR,
  initialProblem: 'Error 500 on payment',
  rootCause: 'Expired Stripe API key in production',
  solution: 'Rotated the key',
  systemImpact: null,
  futureRisks: null,
  recommendations: null,
  submittedAt: new Date('2026-03-02T08:00:00Z'),
  validatedById: null,
  validatedAt: null,
};

function codeOf(action: () => unknown): ErrorCode | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as { code?: ErrorCode }).code;
  }
}

const validateAs = (id: string, role: Role, target = report) =>
  codeOf(() => assertMayValidate({ actor: { id, role }, report: target }));

describe('R17 one report per intervention', () => {
  it('accepts the first report', () => {
    expect(codeOf(() => assertNoReportYet(null))).toBeUndefined();
  });

  it('refuses a second report with REPORT_ALREADY_SUBMITTED', () => {
    expect(codeOf(() => assertNoReportYet({ id: 'report-1' }))).toBe('REPORT_ALREADY_SUBMITTED');
  });
});

describe('R18 validating a report', () => {
  it('lets a project manager or an admin who did not write it validate', () => {
    expect(validateAs(MANAGER, 'PROJECT_MANAGER')).toBeUndefined();
    expect(validateAs(MANAGER, 'ADMIN')).toBeUndefined();
  });

  it.each<Role>(['DEVELOPER', 'SUPPORT', 'CLIENT'])('forbids a %s from validating', (role) => {
    expect(validateAs(MANAGER, role)).toBe('FORBIDDEN');
  });

  it('refuses self-validation by its author, even a project manager or admin (four-eyes)', () => {
    expect(validateAs(AUTHOR, 'PROJECT_MANAGER')).toBe('SELF_VALIDATION');
    expect(validateAs(AUTHOR, 'ADMIN')).toBe('SELF_VALIDATION');
  });

  it('refuses validating twice with INVALID_TRANSITION', () => {
    const validated = { ...report, validatedById: MANAGER, validatedAt: now };
    expect(validateAs(MANAGER, 'PROJECT_MANAGER', validated)).toBe('INVALID_TRANSITION');
  });

  it('records who validated and when', () => {
    expect(validateReport(report, { id: MANAGER, role: 'PROJECT_MANAGER' }, now)).toEqual({
      ...report,
      validatedById: MANAGER,
      validatedAt: now,
    });
  });

  it('does not validate when the rule refuses', () => {
    expect(codeOf(() => validateReport(report, { id: AUTHOR, role: 'ADMIN' }, now))).toBe(
      'SELF_VALIDATION',
    );
  });
});

describe('R18 a validation retried is the same validation', () => {
  const manager = { id: MANAGER, role: 'PROJECT_MANAGER' } as const;
  const validated = { ...report, validatedById: MANAGER, validatedAt: now };

  it('recognises the validation the report already carries', () => {
    expect(carriesValidation(validated, manager, new Date(now.getTime()))).toBe(true);
  });

  it('tells apart another validator, another instant, or no validation yet', () => {
    expect(carriesValidation(validated, { id: AUTHOR, role: 'ADMIN' }, now)).toBe(false);
    expect(carriesValidation(validated, manager, new Date(now.getTime() + 1))).toBe(false);
    expect(carriesValidation(report, manager, now)).toBe(false);
  });
});
