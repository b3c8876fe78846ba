import { type SqlExecutor } from './sql-executor';

/**
 * R5/R13 numbering: the next value of a counter row (`number_sequences`, seeded by the owning
 * service's migrations), taken inside the caller's transaction. The `UPDATE` locks the counter
 * row until that transaction ends, so concurrent creators queue and get distinct, increasing
 * values; a rollback gives the value back, so committed numbers have no gaps. Never
 * `count() + 1`.
 */
export async function nextSequenceValue(executor: SqlExecutor, name: string): Promise<number> {
  const rows = await executor.$queryRawUnsafe<{ last_value: string }[]>(
    'UPDATE number_sequences SET last_value = last_value + 1 WHERE name = $1 RETURNING last_value::text',
    name,
  );
  const [row] = rows;
  if (!row)
    throw new Error(`The number sequence "${name}" is missing: were the migrations applied?`);
  return Number(row.last_value);
}
