import { isDomainError } from '@mg/shared-kernel';
import { aContract, PROJECT_ID } from './contract.fixtures';
import {
  applyContractUpdate,
  createContractSchema,
  updateContractSchema,
} from './contract.schemas';

const valid = {
  projectId: PROJECT_ID,
  type: 'CORRECTIVE',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  slaHours: 24,
  coverage: 'All blocking bugs',
};

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('create contract body', () => {
  it('accepts a complete contract, with optional resolution hours and exclusions', () => {
    const parsed = createContractSchema.parse({
      ...valid,
      resolutionHours: 72,
      exclusions: 'New features',
    });
    expect(parsed.resolutionHours).toBe(72);
  });

  it('R1: refuses an endDate before the startDate, on the endDate field', () => {
    const result = createContractSchema.safeParse({ ...valid, endDate: '2025-12-31' });
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toEqual(['endDate']);
  });

  it('R1: refuses an endDate equal to the startDate ("after" is strict)', () => {
    const result = createContractSchema.safeParse({ ...valid, endDate: '2026-01-01' });
    expect(issuesOf(result)).toEqual(['endDate']);
  });

  it('R1: accepts an endDate one day after the startDate', () => {
    expect(createContractSchema.safeParse({ ...valid, endDate: '2026-01-02' }).success).toBe(true);
  });

  it('refuses days that do not exist, such as 2026-02-30', () => {
    const result = createContractSchema.safeParse({ ...valid, startDate: '2026-02-30' });
    expect(issuesOf(result)).toEqual(['startDate']);
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    for (const endDate of ['31/12/2026', '2026-12-31T00:00:00Z', '0050-01-01', 20261231]) {
      expect(issuesOf(createContractSchema.safeParse({ ...valid, endDate }))).toEqual(['endDate']);
    }
  });

  it('R4: accepts decimal SLA hours such as 0.5', () => {
    expect(createContractSchema.safeParse({ ...valid, slaHours: 0.5 }).success).toBe(true);
  });

  it('refuses hours finer than a hundredth instead of rounding them when stored', () => {
    expect(issuesOf(createContractSchema.safeParse({ ...valid, slaHours: 0.333 }))).toEqual([
      'slaHours',
    ]);
    expect(createContractSchema.safeParse({ ...valid, slaHours: 0.25 }).success).toBe(true);
  });

  it.each([0, -1, 8761, '24', null])('R4: refuses slaHours %p', (slaHours) => {
    expect(issuesOf(createContractSchema.safeParse({ ...valid, slaHours }))).toEqual(['slaHours']);
  });

  it('R4: refuses resolutionHours not greater than slaHours, on the resolutionHours field', () => {
    expect(issuesOf(createContractSchema.safeParse({ ...valid, resolutionHours: 24 }))).toEqual([
      'resolutionHours',
    ]);
    expect(issuesOf(createContractSchema.safeParse({ ...valid, resolutionHours: 12 }))).toEqual([
      'resolutionHours',
    ]);
    expect(createContractSchema.safeParse({ ...valid, resolutionHours: 24.5 }).success).toBe(true);
  });

  it('requires a non-empty coverage', () => {
    expect(issuesOf(createContractSchema.safeParse({ ...valid, coverage: '   ' }))).toEqual([
      'coverage',
    ]);
    const { coverage: _coverage, ...withoutCoverage } = valid;
    expect(issuesOf(createContractSchema.safeParse(withoutCoverage))).toEqual(['coverage']);
  });

  it('refuses an unknown type and a project id that is not a uuid', () => {
    const result = createContractSchema.safeParse({
      ...valid,
      type: 'PREVENTIVE',
      projectId: 'p1',
    });
    expect(issuesOf(result).sort()).toEqual(['projectId', 'type']);
  });

  it.each([['id'], ['active'], ['daysRemaining'], ['createdAt'], ['colour']])(
    'refuses the server-owned or unknown field %s',
    (field) => {
      const result = createContractSchema.safeParse({ ...valid, [field]: 'x' });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
    },
  );
});

describe('update contract body', () => {
  it('accepts a partial patch and an empty one', () => {
    expect(updateContractSchema.safeParse({ slaHours: 8 }).success).toBe(true);
    expect(updateContractSchema.safeParse({}).success).toBe(true);
  });

  it('refuses moving the contract to another project', () => {
    expect(updateContractSchema.safeParse({ projectId: PROJECT_ID }).success).toBe(false);
  });

  it('pre-checks R1 and R4 when both fields are in the patch', () => {
    const result = updateContractSchema.safeParse({
      startDate: '2026-06-01',
      endDate: '2026-05-01',
      slaHours: 10,
      resolutionHours: 5,
    });
    expect(issuesOf(result).sort()).toEqual(['endDate', 'resolutionHours']);
  });
});

describe('applyContractUpdate (merged contract)', () => {
  function fieldErrorsOf(action: () => unknown) {
    try {
      action();
    } catch (error) {
      if (isDomainError(error))
        return { code: error.code, paths: error.fieldErrors?.map((e) => e.path) };
    }
    return undefined;
  }

  it('applies the patch and keeps untouched fields', () => {
    const updated = applyContractUpdate(aContract(), { slaHours: 8, coverage: 'Everything' });
    expect(updated).toMatchObject({ slaHours: 8, coverage: 'Everything', endDate: '2026-12-31' });
  });

  it('clears optional fields with null and keeps them when absent', () => {
    const contract = aContract({ resolutionHours: 72, exclusions: 'Features' });
    expect(applyContractUpdate(contract, {}).resolutionHours).toBe(72);
    expect(
      applyContractUpdate(contract, { resolutionHours: null, exclusions: null }),
    ).toMatchObject({
      resolutionHours: null,
      exclusions: null,
    });
  });

  it('R1: refuses an endDate alone that falls before the stored startDate', () => {
    expect(
      fieldErrorsOf(() => applyContractUpdate(aContract(), { endDate: '2025-06-30' })),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      paths: ['endDate'],
    });
  });

  it('R4: refuses raising slaHours above the stored resolutionHours', () => {
    const contract = aContract({ resolutionHours: 48 });
    expect(fieldErrorsOf(() => applyContractUpdate(contract, { slaHours: 48 }))).toEqual({
      code: 'VALIDATION_FAILED',
      paths: ['resolutionHours'],
    });
  });
});
