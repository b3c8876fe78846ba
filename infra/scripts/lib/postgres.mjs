// PostgreSQL: reach it (starting the local cluster if it is down) and create one database per
// service. Services run their own migrations at start-up, so no schema work happens here.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

import { ActionableError, log } from './console.mjs';
import { isLocalHost, tcpProbe, waitFor } from './net.mjs';
import { capture, findExecutable } from './run.mjs';

const where = ({ host, port }) => `${host}:${port}`;

async function isUp(pg) {
  if (!pg.host.startsWith('/')) return tcpProbe(pg.host, pg.port);
  const pgIsReady = findExecutable('pg_isready');
  if (!pgIsReady) return true; // Let the connection attempt below report the problem.
  return spawnSync(pgIsReady, ['-h', pg.host, '-p', String(pg.port)]).status === 0;
}

function notInstalled(pg) {
  return new ActionableError(
    `PostgreSQL is not reachable at ${where(pg)} and no local installation was found`,
    'Install it (Debian/Ubuntu: `apt-get install postgresql`), or set PGHOST, PGPORT, PGUSER and\n' +
      'PGPASSWORD to a running PostgreSQL ≥ 15 whose user may create databases.',
  );
}

function startLocalCluster(pg) {
  const pgCtlCluster = findExecutable('pg_ctlcluster');
  if (!pgCtlCluster) {
    if (!findExecutable('pg_ctl') && !findExecutable('psql')) throw notInstalled(pg);
    throw new ActionableError(
      `PostgreSQL is installed but nothing listens on ${where(pg)}`,
      'Start it (`systemctl start postgresql`, `brew services start postgresql@15`, or `pg_ctl -D <data dir> start`),\n' +
        'or set PGHOST/PGPORT to where it runs.',
    );
  }
  const clusters = (capture('pg_lsclusters', ['--no-header']) ?? '')
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .filter((fields) => fields.length >= 4);
  const cluster =
    clusters.find((fields) => Number(fields[2]) === pg.port) ??
    (pg.port === 5432 ? clusters[0] : undefined);
  if (!cluster) {
    throw new ActionableError(
      `no local PostgreSQL cluster is configured for port ${pg.port}`,
      'Create one: `pg_createcluster 15 main --start` (as root), or set PGPORT to an existing cluster.',
    );
  }
  const [version, name] = cluster;
  log.step('postgres', `not running; starting cluster ${version}/${name} (pg_ctlcluster)`);
  const result = spawnSync(pgCtlCluster, ['--skip-systemctl-redirect', version, name, 'start'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new ActionableError(
      `pg_ctlcluster could not start ${version}/${name}: ${(result.stderr || result.stdout || '').trim()}`,
      `Start it yourself (as root): pg_ctlcluster --skip-systemctl-redirect ${version} ${name} start`,
    );
  }
}

async function loadPg() {
  try {
    const module = await import('pg');
    return module.default ?? module;
  } catch (error) {
    throw new ActionableError(
      `cannot load the "pg" package (${error.code ?? error.message})`,
      'Install dependencies first: `npm ci` (npm start and npm test do it for you).',
    );
  }
}

async function connect(pgModule, pg) {
  for (let attempt = 1; ; attempt++) {
    const client = new pgModule.Client({
      host: pg.host,
      port: pg.port,
      user: pg.user,
      password: pg.password,
      database: 'postgres',
      connectionTimeoutMillis: 5000,
    });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      // 57P03: "the database system is starting up" right after the cluster was started.
      if (error.code === '57P03' && attempt < 30) {
        await sleep(500);
        continue;
      }
      if (error.code === '28P01' || error.code === '28000') {
        throw new ActionableError(
          `PostgreSQL at ${where(pg)} refused user "${pg.user}": ${error.message}`,
          'Set PGUSER/PGPASSWORD to a role that may create databases (local development uses trust auth).',
        );
      }
      throw new ActionableError(
        `cannot connect to PostgreSQL at ${where(pg)} as "${pg.user}": ${error.message}`,
        'Check PGHOST, PGPORT, PGUSER and PGPASSWORD.',
      );
    }
  }
}

async function createMissingDatabases(client, pg, databases) {
  const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname = ANY($1)', [
    databases,
  ]);
  const existing = new Set(rows.map((row) => row.datname));
  const created = [];
  for (const database of databases.filter((name) => !existing.has(name))) {
    try {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
      created.push(database);
    } catch (error) {
      // 42P04: created meanwhile by a concurrent run.
      if (error.code === '42P04' || error.code === '23505') continue;
      throw new ActionableError(
        `cannot create database ${database} on ${where(pg)}: ${error.message}`,
        `Give "${pg.user}" the CREATEDB privilege, or create the database yourself.`,
      );
    }
  }
  return created;
}

export async function preparePostgres(pg, databases) {
  log.step('postgres', `checking ${where(pg)} (user ${pg.user})`);
  if (!(await isUp(pg))) {
    if (!isLocalHost(pg.host)) {
      throw new ActionableError(
        `PostgreSQL is not reachable at ${where(pg)}`,
        'Start it, or set PGHOST/PGPORT to a reachable server (unset them to use the local one).',
      );
    }
    startLocalCluster(pg);
    const up = await waitFor(() => isUp(pg), {
      timeoutMs: 30_000,
      onWait: (ms) => log.info('postgres', `waiting for ${where(pg)} (${Math.round(ms / 1000)}s)`),
    });
    if (!up) {
      throw new ActionableError(
        `PostgreSQL was started but ${where(pg)} does not answer after 30s`,
        'Look at /var/log/postgresql/ for the reason.',
      );
    }
  }
  const pgModule = await loadPg();
  const client = await connect(pgModule, pg);
  try {
    const created = await createMissingDatabases(client, pg, databases);
    log.ok(
      'postgres',
      created.length
        ? `ready at ${where(pg)}; created ${created.join(', ')}`
        : `ready at ${where(pg)}; databases ${databases.join(', ')} exist`,
    );
  } finally {
    await client.end();
  }
}
