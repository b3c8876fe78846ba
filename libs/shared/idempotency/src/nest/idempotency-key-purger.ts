import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type SqlExecutor } from '@mg/shared-database';
import { purgeExpiredIdempotencyKeys } from '../idempotency-store';
import {
  IDEMPOTENCY_EXECUTOR,
  IDEMPOTENCY_OPTIONS,
  type ResolvedIdempotencyOptions,
} from './idempotency.tokens';

/** Deletes expired keys now and then; correctness never depends on it (expired keys are taken over). */
@Injectable()
export class IdempotencyKeyPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(IDEMPOTENCY_EXECUTOR) private readonly executor: SqlExecutor,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: ResolvedIdempotencyOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), this.options.purgeIntervalMs);
    // Never keeps a process alive on its own.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** @returns how many expired keys were deleted (0 when the database could not be reached). */
  async purge(): Promise<number> {
    try {
      return await purgeExpiredIdempotencyKeys(this.executor);
    } catch (error) {
      this.logger.warn({ err: error }, 'Purging expired Idempotency-Keys failed; will retry');
      return 0;
    }
  }
}
