#!/usr/bin/env node
// `npm start`: install if needed, build, bring up the infrastructure, run every app of
// processes.mjs with prefixed logs, wait until each answers /ready, print where everything is.
// Ctrl-C stops the apps (SIGTERM, then SIGKILL after a grace period); the infrastructure keeps
// running (`npm run infra:down` stops it). Only built-ins at the top: this runs before
// node_modules exists. Flag: --raw-logs (or MG_RAW_LOGS=1) keeps the apps' JSON log lines.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { createLineFormatter, lineTransform } from './lib/app-logs.mjs';
import { ActionableError, box, color, formatDuration, log, reportError } from './lib/console.mjs';
import { ensureDependencies } from './lib/dependencies.mjs';
import { httpStatus, tcpProbe } from './lib/net.mjs';
import { repoRoot } from './lib/paths.mjs';
import { run } from './lib/run.mjs';
import { databaseUrl } from './lib/settings.mjs';
import { prepareInfra } from './prepare-infra.mjs';
import { databases, demoPassword, demoUsers, processes } from './processes.mjs';

const STOP_GRACE_MS = 10_000;
const READY_TIMEOUT_MS = 180_000;
const rawLogs = process.argv.includes('--raw-logs') || process.env.MG_RAW_LOGS === '1';

async function build() {
  log.step('build', 'npm run build (tsc -b, incremental)');
  const started = Date.now();
  if ((await run('npm', ['run', '--silent', 'build'])) !== 0) {
    throw new ActionableError(
      'the build failed',
      'Fix the TypeScript errors above, then run `npm start` again.',
    );
  }
  log.ok('build', `done in ${formatDuration(Date.now() - started)}`);
}

/** Sorts the processes into those to start, those already running, and those that cannot run. */
async function survey() {
  const plan = { toStart: [], running: [], skipped: [] };
  for (const app of processes) {
    if (!existsSync(join(repoRoot, app.entry))) {
      log.warn(app.name, `${app.entry} does not exist yet; skipping it`);
      plan.skipped.push(app);
    } else if (await tcpProbe('127.0.0.1', app.port)) {
      if ((await httpStatus(`http://127.0.0.1:${app.port}/health`)) === 200) {
        log.warn(
          app.name,
          `already running on port ${app.port} (answers /health); not starting another`,
        );
        plan.running.push(app);
      } else {
        log.fail(
          app.name,
          `port ${app.port} is taken by another program; skipping it (see: ss -ltnp 'sport = :${app.port}')`,
        );
        plan.skipped.push(app);
      }
    } else {
      plan.toStart.push(app);
    }
  }
  return plan;
}

/** What each app is told: where the infrastructure is, its port, its database, its peers. */
function appEnv(app, infra) {
  const env = {
    ...infra.env,
    APP_ENV: process.env.APP_ENV ?? 'development',
    PORT: String(app.port),
  };
  if (app.database) env.DATABASE_URL = databaseUrl(infra.settings.postgres, app.database);
  if (app.services) {
    for (const peer of processes) {
      if (peer.urlEnv) env[peer.urlEnv] = `http://127.0.0.1:${peer.port}`;
    }
  }
  return env;
}

/** Kills a child's whole process group: each app runs detached so Ctrl-C reaches only us. */
function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function runApps(apps, infra) {
  const { createConcurrently, Logger, LogError, LogExit, LogOutput } = await import('concurrently');
  const format = await createLineFormatter({ raw: rawLogs });
  const spawnApp = (commandLine, options) => {
    const [, ...args] = commandLine.split(' ');
    const child = spawn(process.execPath, args, { ...options, detached: true });
    if (child.stdout) child.stdout = child.stdout.pipe(lineTransform(format));
    if (child.stderr) child.stderr = child.stderr.pipe(lineTransform(format));
    return child;
  };
  const logger = new Logger({ prefixFormat: 'name' });
  logger.setPrefixLength(Math.max(...apps.map((app) => app.name.length)));
  return createConcurrently(
    apps.map((app) => ({
      name: app.name,
      command: `node --enable-source-maps ${app.entry}`,
      env: appEnv(app, infra),
      cwd: repoRoot,
    })),
    {
      logger,
      outputStream: process.stdout,
      prefixColors: ['cyan', 'magenta', 'green', 'yellow', 'blue', 'red', 'white'],
      controllers: [new LogError({ logger }), new LogOutput({ logger }), new LogExit({ logger })],
      spawn: spawnApp,
      kill: killGroup,
    },
  );
}

async function waitUntilReady(apps, commands, isStopping) {
  log.step('ready', `waiting for ${apps.map((app) => app.name).join(', ')} to answer /ready`);
  const started = Date.now();
  const pending = new Map(apps.map((app) => [app.name, { app, last: 'no answer' }]));
  const ready = [];
  let lastReport = started;
  while (pending.size > 0 && !isStopping() && Date.now() - started < READY_TIMEOUT_MS) {
    for (const [name, entry] of pending) {
      const command = commands.find((candidate) => candidate.name === name);
      if (command && command.state !== 'started') {
        log.fail(name, 'exited before becoming ready (see its log lines above)');
        pending.delete(name);
        continue;
      }
      const status = await httpStatus(entry.app.ready, 1500);
      if (status === 200) {
        log.ok(name, `ready (${formatDuration(Date.now() - started)})`);
        ready.push(entry.app);
        pending.delete(name);
      } else {
        entry.last = status ? `HTTP ${status}` : 'no answer';
      }
    }
    if (pending.size > 0 && Date.now() - lastReport >= 15_000) {
      lastReport = Date.now();
      const waiting = [...pending.values()].map(({ app, last }) => `${app.name} (${last})`);
      log.info(
        'ready',
        `still waiting for ${waiting.join(', ')} — ${formatDuration(lastReport - started)}`,
      );
    }
    await sleep(1000);
  }
  if (pending.size > 0 && !isStopping()) {
    log.warn(
      'ready',
      `not ready after ${formatDuration(READY_TIMEOUT_MS)}: ${[...pending.keys()].join(', ')} — they keep running; read their logs above`,
    );
  }
  return ready;
}

function summaryBox(infra, plan, ready) {
  const pad = (label) => label.padEnd(24);
  const note = (app) => {
    if (plan.skipped.includes(app)) return color.yellow(' (not started)');
    if (plan.running.includes(app) || ready.includes(app)) return '';
    return color.yellow(' (not ready)');
  };
  const lines = [];
  for (const app of processes) {
    if (app.name === 'console') {
      lines.push(`${pad('Console')}http://localhost:${app.port}${note(app)}`);
    } else if (app.openApi) {
      lines.push(`${pad(`${app.name} API docs`)}http://localhost:${app.port}/api/docs${note(app)}`);
    } else {
      lines.push(`${pad(app.name)}http://localhost:${app.port}/health${note(app)}`);
    }
  }
  const { postgres, nats, temporal } = infra.settings;
  lines.push(
    '',
    `${pad('Temporal Web UI')}${temporal.uiUrl}`,
    `${pad('Temporal gRPC')}${temporal.address}`,
    `${pad('NATS JetStream')}${nats.url} (stream MAINTENANCE)`,
    `${pad('PostgreSQL')}${postgres.host}:${postgres.port} (${databases.join(', ')})`,
    '',
    `Demo users (password ${demoPassword}):`,
    ...demoUsers.map(([email, role]) => `  ${email.padEnd(24)}${role}`),
    '',
    'Ctrl-C stops the apps; `npm run infra:down` stops Temporal/NATS started by these scripts.',
  );
  return box('Maintenance Governance', lines);
}

async function main() {
  await ensureDependencies();
  await build();
  const infra = await prepareInfra();
  const plan = await survey();

  if (plan.toStart.length === 0) {
    if (plan.running.length > 0) {
      log.ok('start', 'everything that is built is already running (another `npm start`?)');
    } else {
      log.warn('start', 'no app is built yet: nothing to start');
    }
    console.log(summaryBox(infra, plan, []));
    return 0;
  }

  log.step('start', `starting ${plan.toStart.map((app) => app.name).join(', ')}`);
  const { commands, result } = await runApps(plan.toStart, infra);

  let stopping = false;
  let firstSignalAt = 0;
  const live = () => commands.filter((command) => command.state === 'started');
  const killAll = (signal) => live().forEach((command) => command.kill(signal));
  const onSignal = (signal) => {
    if (stopping) {
      // npm forwards the terminal's Ctrl-C too: only a later, deliberate one forces.
      if (Date.now() - firstSignalAt > 1000) {
        log.warn('stop', 'forced: SIGKILL');
        killAll('SIGKILL');
      }
      return;
    }
    stopping = true;
    firstSignalAt = Date.now();
    log.step(
      'stop',
      `${signal}: stopping ${live().length} processes (SIGTERM, SIGKILL after ${formatDuration(STOP_GRACE_MS)})`,
    );
    killAll('SIGTERM');
    setTimeout(() => {
      const left = live();
      if (left.length === 0) return;
      log.warn('stop', `${left.map((command) => command.name).join(', ')} still running: SIGKILL`);
      left.forEach((command) => command.kill('SIGKILL'));
    }, STOP_GRACE_MS).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);

  const ready = await waitUntilReady(plan.toStart, commands, () => stopping);
  if (!stopping) console.log(summaryBox(infra, plan, ready));

  await result.catch(() => undefined);
  if (stopping) {
    log.ok('stop', 'all processes stopped');
    return 0;
  }
  log.fail('start', 'every app has exited');
  return 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  reportError('start', error);
  process.exitCode = 1;
}
