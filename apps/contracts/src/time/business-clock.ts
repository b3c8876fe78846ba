import { businessDay, type CalendarDate, type Clock } from '@mg/shared-kernel';
import { type ContractView, presentContract, type WarrantyContract } from '@mg/contracts-domain';

/**
 * The service's one source of time: the injected clock (tests move it) read in the business time
 * zone, which decides what "today" is for R3.
 */
export class BusinessClock {
  constructor(
    private readonly clock: Clock,
    readonly timeZone: string,
  ) {}

  now(): Date {
    return this.clock();
  }

  today(): CalendarDate {
    return businessDay(this.clock(), this.timeZone);
  }

  /** R3: the contract with `active` and `daysRemaining` for today. */
  present(contract: WarrantyContract): ContractView {
    return presentContract(contract, this.clock(), this.timeZone);
  }
}
