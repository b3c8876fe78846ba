import { issueBilletSchema } from './billet.schema';
import { recordInterventionSchema } from './intervention.schema';
import { submitReportSchema, validateReportSchema } from './report.schema';

const TICKET = '1e2d3c4b-5a69-4788-9a0b-cdef01234567';
const DEVELOPER = '4a1d0f5c-8f0e-4c8e-b2a4-7a6b1c2d3e4f';
const BILLET = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const INTERVENTION = '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2910';

type Schema = { safeParse(value: unknown): { error?: { issues: { path: PropertyKey[] }[] } } };
const pathsOf = (schema: Schema, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((issue) => issue.path.join('.')).sort();

describe('issue billet body', () => {
  const valid = { ticketId: TICKET, developerId: DEVELOPER, type: 'FIX', estimatedHours: 2.5 };

  it('accepts a billet, with optional instructions', () => {
    expect(pathsOf(issueBilletSchema, valid)).toEqual([]);
    expect(pathsOf(issueBilletSchema, { ...valid, instructions: 'Check the gateway' })).toEqual([]);
  });

  it.each([0, -1, 1001, '2'])('R13: refuses estimatedHours %p', (estimatedHours) => {
    expect(pathsOf(issueBilletSchema, { ...valid, estimatedHours })).toEqual(['estimatedHours']);
  });

  it('knows only ANALYSIS, FIX and HOTFIX_DEPLOYMENT', () => {
    for (const type of ['ANALYSIS', 'FIX', 'HOTFIX_DEPLOYMENT']) {
      expect(pathsOf(issueBilletSchema, { ...valid, type })).toEqual([]);
    }
    expect(pathsOf(issueBilletSchema, { ...valid, type: 'CORRECTION' })).toEqual(['type']);
  });

  it('refuses server-owned fields', () => {
    expect(pathsOf(issueBilletSchema, { ...valid, number: 'BILLET-00001' })).toEqual(['']);
  });
});

describe('record intervention body', () => {
  const valid = {
    billetId: BILLET,
    actions: 'Fixed API_KEY in config.py',
    startedAt: '2026-03-02T08:00:00Z',
    hoursSpent: 1.5,
  };

  it('accepts an intervention with or without an end', () => {
    expect(pathsOf(recordInterventionSchema, valid)).toEqual([]);
    expect(
      pathsOf(recordInterventionSchema, { ...valid, endedAt: '2026-03-02T09:30:00Z' }),
    ).toEqual([]);
  });

  it('R15: refuses an endedAt before or equal to startedAt, on endedAt', () => {
    expect(
      pathsOf(recordInterventionSchema, { ...valid, endedAt: '2026-03-02T07:59:59Z' }),
    ).toEqual(['endedAt']);
    expect(pathsOf(recordInterventionSchema, { ...valid, endedAt: valid.startedAt })).toEqual([
      'endedAt',
    ]);
  });

  it('R15: compares instants, not strings, across offsets', () => {
    expect(
      pathsOf(recordInterventionSchema, { ...valid, endedAt: '2026-03-02T09:30:00+02:00' }),
    ).toEqual(['endedAt']);
  });

  it('R15: accepts zero hours and refuses negative hours', () => {
    expect(pathsOf(recordInterventionSchema, { ...valid, hoursSpent: 0 })).toEqual([]);
    expect(pathsOf(recordInterventionSchema, { ...valid, hoursSpent: -0.5 })).toEqual([
      'hoursSpent',
    ]);
  });

  it('requires non-empty actions and ISO date-times', () => {
    expect(pathsOf(recordInterventionSchema, { ...valid, actions: ' ' })).toEqual(['actions']);
    expect(pathsOf(recordInterventionSchema, { ...valid, startedAt: '02/03/2026 08:00' })).toEqual([
      'startedAt',
    ]);
  });

  it('R14: refuses an intervention without a billet', () => {
    const { billetId: _billetId, ...withoutBillet } = valid;
    expect(pathsOf(recordInterventionSchema, withoutBillet)).toEqual(['billetId']);
  });
});

describe('submit report body', () => {
  const valid = {
    interventionId: INTERVENTION,
    rootCause: 'Expired Stripe API key',
    solution: 'Rotated the key',
  };

  it('accepts the required fields alone, or with every optional text', () => {
    expect(pathsOf(submitReportSchema, valid)).toEqual([]);
    expect(
      pathsOf(submitReportSchema, {
        ...valid,
        initialProblem: 'Error 500',
        systemImpact: 'Payments only',
        futureRisks: 'Recurrence',
        recommendations: 'Alert on key expiry',
      }),
    ).toEqual([]);
  });

  it('R17: requires rootCause and solution, not blank', () => {
    expect(pathsOf(submitReportSchema, { interventionId: INTERVENTION })).toEqual([
      'rootCause',
      'solution',
    ]);
    expect(pathsOf(submitReportSchema, { ...valid, rootCause: '  ', solution: '' })).toEqual([
      'rootCause',
      'solution',
    ]);
  });

  it('R17: requires an intervention', () => {
    const { interventionId: _interventionId, ...withoutIntervention } = valid;
    expect(pathsOf(submitReportSchema, withoutIntervention)).toEqual(['interventionId']);
  });

  it('refuses server-owned fields such as validatedBy', () => {
    expect(pathsOf(submitReportSchema, { ...valid, validatedBy: DEVELOPER })).toEqual(['']);
  });
});

describe('validate report body', () => {
  it('is empty or absent: the validator is the caller, never a field', () => {
    expect(pathsOf(validateReportSchema, {})).toEqual([]);
    expect(pathsOf(validateReportSchema, undefined)).toEqual([]);
    expect(pathsOf(validateReportSchema, { validatedBy: DEVELOPER })).toEqual(['']);
  });
});
