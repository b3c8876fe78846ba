import { businessDay, daysBetween, DEFAULT_TIME_ZONE, isWithinInclusive } from '@mg/shared-kernel';
import { type ContractView, type WarrantyContract } from './contract.types';

type ContractDates = Pick<WarrantyContract, 'startDate' | 'endDate'>;

/** R3: today, in the business time zone, lies within `[startDate, endDate]`, both included. */
export function isContractActive(
  contract: ContractDates,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): boolean {
  return isWithinInclusive(businessDay(now, timeZone), contract.startDate, contract.endDate);
}

/**
 * R3: whole days from today to `endDate` — 0 on the last covered day and on every day after it
 * (so "0" with `active: true` means "last day"). A contract that has not started yet counts down
 * to its end too, since that is still when its coverage stops.
 */
export function daysRemaining(
  contract: ContractDates,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): number {
  return Math.max(0, daysBetween(businessDay(now, timeZone), contract.endDate));
}

/** SPEC §7 /stats: "contracts expiring within 30 days". */
export const EXPIRING_SOON_DAYS = 30;

/** Active and ending within `days` days (inclusive): what the dashboard and expiry notices show. */
export function isExpiringWithin(
  contract: ContractDates,
  days: number,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): boolean {
  return (
    isContractActive(contract, now, timeZone) && daysRemaining(contract, now, timeZone) <= days
  );
}

/** True once the business day is past `endDate`. */
export function hasExpired(
  contract: Pick<WarrantyContract, 'endDate'>,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): boolean {
  return businessDay(now, timeZone) > contract.endDate;
}

export function presentContract(
  contract: WarrantyContract,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): ContractView {
  return {
    ...contract,
    active: isContractActive(contract, now, timeZone),
    daysRemaining: daysRemaining(contract, now, timeZone),
  };
}
