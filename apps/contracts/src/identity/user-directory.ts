import { Logger } from '@nestjs/common';
import { DomainError, type FieldError } from '@mg/shared-kernel';

/** How a user id looked to identity. */
type UserStatus = 'active' | 'inactive' | 'unknown';

const CONCURRENT_LOOKUPS = 8;

/**
 * Asks identity whether user ids are real, active accounts (`GET /api/v1/users/:id`), with the
 * caller's own token: this service keeps no copy of the users, and identity decides who may read
 * them (admins and project managers — the only roles that manage members).
 */
export class UserDirectory {
  private readonly logger = new Logger(UserDirectory.name);

  constructor(
    private readonly identityUrl: string,
    private readonly timeoutMs = 3_000,
  ) {}

  /**
   * @param ids the user ids to check, reported under `${path}.${index}` (or `path` alone for one id)
   * @throws DomainError VALIDATION_FAILED naming each unknown or deactivated id
   * @throws DomainError SERVICE_UNAVAILABLE when identity cannot answer
   */
  async assertActiveUsers(
    ids: readonly string[],
    authorization: string,
    path: (index: number) => string,
  ): Promise<void> {
    const statuses = await mapConcurrently(ids, CONCURRENT_LOOKUPS, (id) =>
      this.statusOf(id, authorization),
    );
    const issues: FieldError[] = statuses.flatMap((status, index) =>
      status === 'active'
        ? []
        : [
            {
              path: path(index),
              message:
                status === 'unknown'
                  ? `no user has the id ${ids[index]}`
                  : `the user ${ids[index]} is deactivated`,
            },
          ],
    );
    if (issues.length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'Members must be active users.', issues);
    }
  }

  private async statusOf(id: string, authorization: string): Promise<UserStatus> {
    let response: Response;
    try {
      response = await fetch(new URL(`/api/v1/users/${encodeURIComponent(id)}`, this.identityUrl), {
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'Identity could not be reached');
      throw unavailable();
    }
    if (response.status === 404) return 'unknown';
    if (response.ok) {
      const user = (await response.json()) as { active?: unknown };
      return user.active === false ? 'inactive' : 'active';
    }
    this.logger.warn(`Identity answered ${response.status} to a user lookup`);
    throw unavailable();
  }
}

const unavailable = () =>
  new DomainError('SERVICE_UNAVAILABLE', 'The identity service cannot check the users now.');

async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
