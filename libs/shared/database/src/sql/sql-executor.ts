/**
 * The least a shared SQL mechanism (audit trail, idempotency keys, outbox) needs from a
 * connection: run a statement, run a query. Every service has its own generated Prisma client,
 * so the mechanisms cannot name one; this is the shape all of them share. A Prisma client and the
 * `tx` of `prisma.$transaction(async (tx) => …)` satisfy it as they are, so a mechanism called
 * with `tx` joins the caller's business transaction. A pg `Pool`/`Client` fits through
 * `pgSqlExecutor`.
 *
 * Values are bound as `$1, $2…` parameters. Drivers differ in the JavaScript types they return
 * (Prisma gives `bigint` for int8, pg gives strings): cast in SQL (`seq::text`, `count(*)::int`)
 * so both give the same thing.
 */
export interface SqlExecutor {
  /** @returns the number of rows affected. */
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  /** @returns the rows, as an array typed `T`. */
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** What `pgSqlExecutor` needs from node-postgres: a `Pool`, `PoolClient` or `Client`. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** A node-postgres `Pool`/`Client` as a `SqlExecutor`; on a `PoolClient` it joins its transaction. */
export function pgSqlExecutor(client: PgQueryable): SqlExecutor {
  return {
    async $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
      const result = await client.query(query, values);
      return result.rowCount ?? 0;
    },
    async $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
      const result = await client.query(query, values);
      return result.rows as T;
    },
  };
}
