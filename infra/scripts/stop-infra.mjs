#!/usr/bin/env node
// Stops what prepare-infra started (Temporal dev server, nats-server), found through their pid
// files. Servers started some other way, and PostgreSQL, are left alone.
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

import { log } from './lib/console.mjs';
import { natsPidFile } from './lib/nats.mjs';
import { isAlive, livePidFromFile } from './lib/run.mjs';
import { temporalPidFile } from './lib/temporal.mjs';

async function stop(name, pidFile, processName) {
  const pid = livePidFromFile(pidFile, processName);
  if (!pid) {
    log.ok(name, 'nothing to stop (not started by these scripts)');
    return;
  }
  log.step(name, `stopping pid ${pid}`);
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 200) await sleep(200);
  if (isAlive(pid)) {
    log.warn(name, `pid ${pid} ignored SIGTERM for 10s; sending SIGKILL`);
    process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
  log.ok(name, 'stopped');
}

await stop('temporal', temporalPidFile, 'temporal');
await stop('nats', natsPidFile, 'nats-server');
log.ok('postgres', 'left running (system service)');
