import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSqlClient } from '@mg/shared-database';
import {
  createTestDatabase,
  TEST_POSTGRES_URL,
  type TestDatabase,
  uniqueName,
} from '@mg/shared-testing';
import { AUDIT_MIGRATIONS_DIR } from './audit-log.location';
import { AuditTrail } from './audit-trail';

jest.setTimeout(30_000);

const SCRIPT = join(__dirname, '..', 'scripts', 'verify-audit-chains.mjs');

/** Runs `npm run audit:verify`'s script; resolves with its exit code and output. */
const runScript = (...databases: string[]) =>
  promisify(execFile)('node', [SCRIPT, ...databases], {
    env: { ...process.env, AUDIT_VERIFY_SERVER_URL: TEST_POSTGRES_URL },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('audit_script', AUDIT_MIGRATIONS_DIR);
  const client = createSqlClient(database.url, { poolSize: 1 });
  try {
    for (let n = 0; n < 3; n += 1) {
      await AuditTrail.record(client, { actor: 'system', action: 'x.y', entityType: 'X' });
    }
  } finally {
    await client.$disconnect();
  }
});

afterAll(async () => {
  await database?.drop();
});

describe('npm run audit:verify', () => {
  it('prints each database, skips those without a trail, and exits 0 when every chain holds', async () => {
    const missing = uniqueName('mg_test_absent');
    const result = await runScript(database.name, missing, 'postgres');
    expect(result).toEqual({
      code: 0,
      stdout: [
        `${database.name}: ok (3 entries)`,
        `${missing}: skipped (no such database)`,
        'postgres: skipped (no audit_log table)',
        '',
      ].join('\n'),
    });
  });

  it('exits 1 and names the broken seq when a row was edited behind the triggers’ back', async () => {
    const client = createSqlClient(database.url, { poolSize: 1 });
    try {
      await client.$executeRawUnsafe('alter table audit_log disable trigger user');
      await client.$executeRawUnsafe("update audit_log set action = 'x.z' where seq = 2");
      await client.$executeRawUnsafe('alter table audit_log enable trigger user');
    } finally {
      await client.$disconnect();
    }
    expect(await runScript(database.name)).toEqual({
      code: 1,
      stdout: `${database.name}: BROKEN at seq 2 (3 entries)\n`,
    });
  });
});
