import { type WarrantyContract } from './contract.types';

export const PROJECT_ID = '9c6f8e1a-2b3c-4d5e-8f70-112233445566';
export const OTHER_PROJECT_ID = '2f0c7d3b-6a1e-4b9f-8c2d-aabbccddeeff';

export function aContract(overrides: Partial<WarrantyContract> = {}): WarrantyContract {
  return {
    id: 'c0000000-0000-4000-8000-000000000001',
    projectId: PROJECT_ID,
    type: 'CORRECTIVE',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    slaHours: 24,
    resolutionHours: null,
    coverage: 'All blocking bugs',
    exclusions: null,
    createdAt: new Date('2025-12-15T09:00:00Z'),
    updatedAt: new Date('2025-12-15T09:00:00Z'),
    ...overrides,
  };
}
