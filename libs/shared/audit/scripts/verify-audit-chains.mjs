// `npm run audit:verify [-- <database>…]`: recomputes the audit hash chain of every service
// database and prints one line per database. Exits 1 when a chain is broken or a database cannot
// be checked, so it can gate a deployment or run from cron.
//
//   AUDIT_VERIFY_SERVER_URL  any URL on the server (default postgres://postgres@127.0.0.1:5432/postgres)
//   AUDIT_VERIFY_DATABASES   databases to check (default: the four services' databases)
//
// Plain JavaScript over pg, so it runs without a build: the check itself is the SQL function
// audit_log_verify() that the audit migration installs next to the table.
import pg from 'pg';

const DEFAULT_DATABASES = ['mg_identity', 'mg_contracts', 'mg_tickets', 'mg_interventions'];
const serverUrl =
  process.env.AUDIT_VERIFY_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const fromArguments = process.argv.slice(2);
const databases =
  fromArguments.length > 0
    ? fromArguments
    : (process.env.AUDIT_VERIFY_DATABASES?.split(/[\s,]+/).filter(Boolean) ?? DEFAULT_DATABASES);

const urlOf = (database) => {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
};

/** @returns {Promise<'ok' | 'broken' | 'skipped' | 'failed'>} */
async function verify(database) {
  const client = new pg.Client({
    connectionString: urlOf(database),
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (error) {
    // 3D000 invalid_catalog_name: the service never ran here, so there is nothing to verify.
    if (error.code === '3D000') {
      console.log(`${database}: skipped (no such database)`);
      return 'skipped';
    }
    console.log(`${database}: FAILED to connect (${error.message})`);
    return 'failed';
  }
  try {
    const table = await client.query("select to_regclass('audit_log') is not null as present");
    if (!table.rows[0].present) {
      console.log(`${database}: skipped (no audit_log table)`);
      return 'skipped';
    }
    const { rows } = await client.query(
      'select ok, checked::text as checked, first_broken_seq::text as first_broken_seq from audit_log_verify()',
    );
    const { ok, checked, first_broken_seq: firstBrokenSeq } = rows[0];
    if (ok) {
      console.log(`${database}: ok (${checked} entries)`);
      return 'ok';
    }
    console.log(`${database}: BROKEN at seq ${firstBrokenSeq} (${checked} entries)`);
    return 'broken';
  } catch (error) {
    console.log(`${database}: FAILED (${error.message})`);
    return 'failed';
  } finally {
    await client.end();
  }
}

const outcomes = [];
for (const database of databases) outcomes.push(await verify(database));
process.exitCode = outcomes.some((outcome) => outcome === 'broken' || outcome === 'failed') ? 1 : 0;
