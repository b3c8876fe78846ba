#!/usr/bin/env node
// Brings up what the services need (SPEC §3): PostgreSQL with one database per service, NATS with
// the MAINTENANCE stream, and a Temporal server. Idempotent: whatever already runs is reused.
// `npm run infra:up`; also imported by start.mjs and test.mjs.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { formatDuration, log, reportError } from './lib/console.mjs';
import { ensureDependencies } from './lib/dependencies.mjs';
import { prepareNats } from './lib/nats.mjs';
import { ensureDir, logsDir } from './lib/paths.mjs';
import { preparePostgres } from './lib/postgres.mjs';
import { infraEnv, infraSettings } from './lib/settings.mjs';
import { prepareTemporal } from './lib/temporal.mjs';
import { databases } from './processes.mjs';

/**
 * Ensures PostgreSQL, NATS and Temporal are up and returns where they are, plus the environment
 * variables (PGHOST…, NATS_URL, TEMPORAL_ADDRESS) children should get. Throws ActionableError.
 */
export async function prepareInfra(env = process.env) {
  const settings = infraSettings(env);
  ensureDir(logsDir);
  await preparePostgres(settings.postgres, databases);
  await prepareNats(settings.nats);
  await prepareTemporal(settings.temporal);
  return { settings, env: infraEnv(settings) };
}

const isMain = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const started = Date.now();
  try {
    await ensureDependencies();
    await prepareInfra();
    log.ok('infra', `ready in ${formatDuration(Date.now() - started)}`);
  } catch (error) {
    reportError('infra', error);
    process.exitCode = 1;
  }
}
