import { createContractSchema } from './contract.schemas';
import { demoContracts } from './demo-project';

const PROJECT_ID = '9c6f8e1a-2b3c-4d5e-8f70-112233445566';

describe('demo contracts (SPEC §10)', () => {
  it('cover the current calendar year (CORRECTIVE, 24 h) and its first half (EVOLUTIVE)', () => {
    expect(demoContracts('2027-08-15')).toMatchObject([
      { type: 'CORRECTIVE', startDate: '2027-01-01', endDate: '2027-12-31', slaHours: 24 },
      { type: 'EVOLUTIVE', startDate: '2027-01-01', endDate: '2027-06-30' },
    ]);
  });

  it('satisfy the same rules as a contract created through the API', () => {
    for (const terms of demoContracts('2026-03-01')) {
      expect(createContractSchema.safeParse({ ...terms, projectId: PROJECT_ID }).success).toBe(
        true,
      );
    }
  });
});
