/** A pg `Pool`/`Client`, or anything answering raw SQL like a Prisma client. */
export type SqlPinger =
  { query(sql: string): Promise<unknown> } | { $queryRawUnsafe(sql: string): Promise<unknown> };

/**
 * `GET /ready` check for PostgreSQL: one `SELECT 1` through the service's own pool, so it proves
 * the pool can hand out a working connection. The deadline is applied by the caller.
 */
export class PostgresReadinessCheck {
  constructor(
    private readonly client: SqlPinger,
    readonly name = 'database',
  ) {}

  async check(): Promise<void> {
    if ('$queryRawUnsafe' in this.client) await this.client.$queryRawUnsafe('SELECT 1');
    else await this.client.query('SELECT 1');
  }
}
