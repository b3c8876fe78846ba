import { type Clock } from '@mg/shared-kernel';

/**
 * The service's time: tests move it. Lifecycle instants (billet, resolution, closure) come from
 * the workflow's own clock; this one dates creations and computes R8 `elapsedHours` at read time.
 */
export class TicketClock {
  constructor(
    private readonly clock: Clock,
    /** The business calendar's zone, for R6's "contract active today". */
    readonly timeZone: string,
  ) {}

  now(): Date {
    return this.clock();
  }
}
