import { DomainError } from '@mg/shared-kernel';
import { aContract, OTHER_PROJECT_ID } from './contract.fixtures';
import {
  assertNoOverlap,
  contractOverlaps,
  findOverlap,
  type ContractPeriod,
} from './contract-overlap';

const firstHalf = aContract({ id: 'c1', startDate: '2026-01-01', endDate: '2026-06-30' });

function candidate(overrides: Partial<ContractPeriod>): ContractPeriod {
  const { id: _id, ...withoutId } = firstHalf;
  return { ...withoutId, ...overrides };
}

describe('R2 no overlapping contracts of the same type on the same project', () => {
  it('overlaps a contract starting on the day the other ends (inclusive ranges)', () => {
    expect(
      contractOverlaps(candidate({ startDate: '2026-06-30', endDate: '2026-12-31' }), firstHalf),
    ).toBe(true);
  });

  it('does not overlap a contract starting the day after the other ends', () => {
    expect(
      contractOverlaps(candidate({ startDate: '2026-07-01', endDate: '2026-12-31' }), firstHalf),
    ).toBe(false);
  });

  it('overlaps a contract ending on the day the other starts', () => {
    expect(
      contractOverlaps(candidate({ startDate: '2025-07-01', endDate: '2026-01-01' }), firstHalf),
    ).toBe(true);
  });

  it('overlaps a contract lying inside the other', () => {
    expect(
      contractOverlaps(candidate({ startDate: '2026-02-01', endDate: '2026-03-01' }), firstHalf),
    ).toBe(true);
  });

  it('allows a contract of the other type over the same days', () => {
    expect(contractOverlaps(candidate({ type: 'EVOLUTIVE' }), firstHalf)).toBe(false);
  });

  it('allows the same type over the same days on another project', () => {
    expect(contractOverlaps(candidate({ projectId: OTHER_PROJECT_ID }), firstHalf)).toBe(false);
  });

  it('does not count a contract being updated as overlapping itself', () => {
    expect(contractOverlaps({ ...firstHalf, endDate: '2026-09-30' }, firstHalf)).toBe(false);
  });

  it('finds the conflicting contract among the existing ones', () => {
    const secondHalf = aContract({ id: 'c2', startDate: '2026-07-01', endDate: '2026-12-31' });
    const evolutive = aContract({ id: 'c3', type: 'EVOLUTIVE' });
    const conflict = findOverlap(candidate({ startDate: '2026-12-01', endDate: '2027-06-30' }), [
      firstHalf,
      evolutive,
      secondHalf,
    ]);
    expect(conflict?.id).toBe('c2');
    expect(
      findOverlap(candidate({ startDate: '2027-01-01', endDate: '2027-06-30' }), [
        firstHalf,
        secondHalf,
      ]),
    ).toBeUndefined();
  });

  it('throws CONTRACT_OVERLAP when a conflict exists, and nothing otherwise', () => {
    const overlapping = candidate({ startDate: '2026-06-30', endDate: '2026-12-31' });
    expect(() => assertNoOverlap(overlapping, [firstHalf])).toThrow(DomainError);
    expect(() => assertNoOverlap(overlapping, [firstHalf])).toThrow(
      expect.objectContaining({ code: 'CONTRACT_OVERLAP' }),
    );
    expect(() =>
      assertNoOverlap(candidate({ startDate: '2026-07-01', endDate: '2026-12-31' }), [firstHalf]),
    ).not.toThrow();
  });
});
