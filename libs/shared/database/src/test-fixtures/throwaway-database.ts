import { randomBytes } from 'node:crypto';
import { withDatabaseName } from '../database-url';
import { dropDatabase } from '../drop-database';

/** Server for this library's integration tests (the lead's default local PostgreSQL). */
export const serverUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A unique database URL on the test server; dbmate creates it, `dropDatabase` removes it. */
export const throwawayDatabaseUrl = (prefix: string): string =>
  withDatabaseName(serverUrl, `mg_test_${prefix}_${randomBytes(4).toString('hex')}`);

export { dropDatabase };
