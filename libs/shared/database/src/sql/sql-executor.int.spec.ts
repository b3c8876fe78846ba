import { join } from 'node:path';
import { Pool } from 'pg';
import { migrateDatabase } from '../migrations/migrate-database';
import { dropDatabase, throwawayDatabaseUrl } from '../test-fixtures/throwaway-database';
import { createSqlClient } from './sql-client';
import { pgSqlExecutor, type SqlExecutor } from './sql-executor';

describe('SqlExecutor', () => {
  const databaseUrl = throwawayDatabaseUrl('executor');
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const prisma = createSqlClient(databaseUrl, { poolSize: 2 });

  beforeAll(() =>
    migrateDatabase({
      databaseUrl,
      migrationsDir: join(__dirname, '../test-fixtures/second-migrations'),
    }),
  );
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
    await dropDatabase(databaseUrl);
  });

  const insertAndCount = async (executor: SqlExecutor, id: number) => {
    const inserted = await executor.$executeRawUnsafe(
      'insert into labels (id, name) values ($1, $2)',
      id,
      `label ${id}`,
    );
    const rows = await executor.$queryRawUnsafe<{ count: number }[]>(
      'select count(*)::int as count from labels where id = $1',
      id,
    );
    return { inserted, count: rows[0]?.count };
  };

  it('is satisfied by a Prisma client, its transactions and a pg pool alike', async () => {
    expect(await insertAndCount(prisma, 1)).toEqual({ inserted: 1, count: 1 });
    expect(await prisma.$transaction((tx) => insertAndCount(tx, 2))).toEqual({
      inserted: 1,
      count: 1,
    });
    expect(await insertAndCount(pgSqlExecutor(pool), 3)).toEqual({ inserted: 1, count: 1 });
  });

  it('joins the transaction of the pg client it wraps', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await insertAndCount(pgSqlExecutor(client), 4);
      await client.query('rollback');
    } finally {
      client.release();
    }
    const rows = await pool.query('select count(*)::int as count from labels where id = 4');
    expect(rows.rows[0]).toEqual({ count: 0 });
  });
});
