import { DomainError, rangesOverlapInclusive } from '@mg/shared-kernel';
import { type WarrantyContract } from './contract.types';

/** The fields that decide R2; `id` is absent for a contract not yet created. */
export type ContractPeriod = Pick<
  WarrantyContract,
  'projectId' | 'type' | 'startDate' | 'endDate'
> & {
  id?: string;
};

/**
 * R2: two contracts of the same type on the same project may not share a day (inclusive
 * ranges: one ending 2026-06-30 overlaps one starting 2026-06-30). A contract never overlaps
 * itself, so an update can be checked against the project's stored contracts as they are.
 */
export function contractOverlaps(a: ContractPeriod, b: ContractPeriod): boolean {
  if (a.id !== undefined && a.id === b.id) return false;
  return a.projectId === b.projectId && a.type === b.type && rangesOverlapInclusive(a, b);
}

export function findOverlap<T extends ContractPeriod>(
  candidate: ContractPeriod,
  existing: readonly T[],
): T | undefined {
  return existing.find((other) => contractOverlaps(candidate, other));
}

/** Throws `CONTRACT_OVERLAP` (409) naming the conflicting contract. */
export function assertNoOverlap(
  candidate: ContractPeriod,
  existing: readonly ContractPeriod[],
): void {
  const other = findOverlap(candidate, existing);
  if (other) {
    throw new DomainError(
      'CONTRACT_OVERLAP',
      `A ${other.type} contract of this project already covers ${other.startDate} to ${other.endDate}` +
        (other.id ? ` (contract ${other.id})` : ''),
    );
  }
}
