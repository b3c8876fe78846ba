// Temporal: use TEMPORAL_ADDRESS when set, else reuse a server on 127.0.0.1:7233, else start the
// Temporal CLI dev server (built with Go on first use; no registry ships the binary) detached, with
// its state in .data/temporal.sqlite so workflows and timers survive restarts.
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';

import { ActionableError, formatDuration, log } from './console.mjs';
import { httpStatus, tcpProbe, waitFor } from './net.mjs';
import { dataDir, ensureDir, logsDir, shown, toolsBinDir, userCacheDir } from './paths.mjs';
import {
  capture,
  fileSize,
  findExecutable,
  livePidFromFile,
  run,
  spawnDetached,
  tail,
} from './run.mjs';
import { hostPort } from './settings.mjs';

export const TEMPORAL_CLI_VERSION = '1.5.1';
export const temporalPidFile = join(dataDir, 'temporal.pid');
const temporalLogFile = join(logsDir, 'temporal.log');
const buildLogFile = join(logsDir, 'temporal-build.log');
const localBinary = join(toolsBinDir, 'temporal');
const cacheDir = join(userCacheDir, `temporal-v${TEMPORAL_CLI_VERSION}`);
const cachedBinary = join(cacheDir, 'temporal');

// The CLI's go.mod asks for Go 1.25; Go ≥ 1.21 fetches that toolchain itself from the module proxy.
const goToolchainNote = 'Go fetches the 1.25 toolchain the CLI needs by itself (GOTOOLCHAIN=auto).';

/** Copies (hard-links when possible) `from` to `to` atomically. */
function install(from, to) {
  ensureDir(join(to, '..'));
  const temporary = `${to}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  try {
    linkSync(from, temporary);
  } catch {
    copyFileSync(from, temporary);
  }
  chmodSync(temporary, 0o755);
  renameSync(temporary, to);
}

function goVersion() {
  const output = capture('go', ['env', 'GOVERSION']);
  const match = output?.match(/go(\d+)\.(\d+)/);
  return match ? { major: Number(match[1]), minor: Number(match[2]), text: output } : undefined;
}

async function buildIntoCache() {
  if (!findExecutable('go')) {
    throw new ActionableError(
      `the Temporal CLI v${TEMPORAL_CLI_VERSION} is not built yet and Go is not installed`,
      `Install Go ≥ 1.22 from https://go.dev/dl/ (or \`apt-get install golang\` where it is that recent:\n` +
        `Debian 12 ships 1.19, too old), then run this again. ${goToolchainNote}\n` +
        'Or point TEMPORAL_BIN at an existing `temporal` binary, or TEMPORAL_ADDRESS at a running server.',
    );
  }
  const version = goVersion();
  if (version && (version.major < 1 || (version.major === 1 && version.minor < 22))) {
    throw new ActionableError(
      `Go ${version.text} is too old to build the Temporal CLI`,
      `Install Go ≥ 1.22 (https://go.dev/dl/), or set TEMPORAL_BIN / TEMPORAL_ADDRESS. ${goToolchainNote}`,
    );
  }
  ensureDir(cacheDir);
  ensureDir(logsDir);
  log.step(
    'temporal',
    `building the Temporal CLI v${TEMPORAL_CLI_VERSION} with Go into ${cacheDir} — the first build takes several minutes (log: ${shown(buildLogFile)})`,
  );
  const started = Date.now();
  const heartbeat = setInterval(
    () => log.info('temporal', `still building (${formatDuration(Date.now() - started)})`),
    30_000,
  );
  const logOffset = fileSize(buildLogFile);
  const out = openSync(buildLogFile, 'a');
  try {
    const code = await run(
      'go',
      ['install', `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`],
      { env: { ...process.env, GOBIN: cacheDir }, stdout: out },
    );
    if (code !== 0 || !existsSync(cachedBinary)) {
      throw new ActionableError(
        `go install of the Temporal CLI failed (exit ${code})`,
        `See ${shown(buildLogFile)}:\n${tail(buildLogFile, 10, logOffset)}`,
      );
    }
  } finally {
    clearInterval(heartbeat);
    closeSync(out);
  }
  log.ok('temporal', `built in ${formatDuration(Date.now() - started)}`);
}

/** Puts a temporal binary at .tools/bin/temporal: from TEMPORAL_BIN, the user cache, or a build. */
export async function ensureTemporalBinary() {
  const fromEnv = process.env.TEMPORAL_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new ActionableError(
        `TEMPORAL_BIN points at ${fromEnv}, which does not exist`,
        'Fix or unset TEMPORAL_BIN.',
      );
    }
    return fromEnv;
  }
  if (existsSync(localBinary)) {
    // Share it with other clones on this machine.
    if (!existsSync(cachedBinary)) install(localBinary, cachedBinary);
    return localBinary;
  }
  if (!existsSync(cachedBinary)) await buildIntoCache();
  install(cachedBinary, localBinary);
  log.ok('temporal', `installed ${shown(localBinary)} from ${cacheDir}`);
  return localBinary;
}

async function startDevServer({ devPort, uiPort }) {
  const binary = await ensureTemporalBinary();
  ensureDir(logsDir);
  log.step(
    'temporal',
    `starting the dev server on 127.0.0.1:${devPort} (UI ${uiPort}, state .data/temporal.sqlite)`,
  );
  const logOffset = fileSize(temporalLogFile);
  const pid = spawnDetached(
    binary,
    [
      ...['server', 'start-dev', '--db-filename', join(dataDir, 'temporal.sqlite')],
      ...['--ip', '127.0.0.1', '--port', String(devPort), '--ui-port', String(uiPort)],
      ...['--log-level', 'warn'],
    ],
    { logFile: temporalLogFile, pidFile: temporalPidFile },
  );
  const state = await waitFor(
    async () => {
      if (!livePidFromFile(temporalPidFile, 'temporal')) return 'exited';
      const grpc = await tcpProbe('127.0.0.1', devPort);
      const ui = grpc && (await httpStatus(`http://127.0.0.1:${uiPort}/`)) === 200;
      return grpc && ui ? 'ready' : undefined;
    },
    {
      timeoutMs: 60_000,
      onWait: (ms) =>
        log.info(
          'temporal',
          `waiting for gRPC ${devPort} and UI ${uiPort} (${formatDuration(ms)})`,
        ),
    },
  );
  if (state !== 'ready') {
    throw new ActionableError(
      state === 'exited'
        ? `the Temporal dev server (pid ${pid}) exited during start-up`
        : `the Temporal dev server (pid ${pid}) did not answer on ${devPort} and ${uiPort} within 60s`,
      `See ${shown(temporalLogFile)}:\n${tail(temporalLogFile, 10, logOffset)}\n` +
        `Is port ${devPort} or ${uiPort} taken by another program? (ss -ltnp 'sport = :${uiPort}')`,
    );
  }
  log.ok('temporal', `dev server started (pid ${pid}, log ${shown(temporalLogFile)})`);
}

export async function prepareTemporal(temporal) {
  if (temporal.external) {
    const { host, port } = hostPort(temporal.address, 7233);
    log.step('temporal', `checking ${temporal.address} (TEMPORAL_ADDRESS)`);
    if (!(await tcpProbe(host, port, 3000))) {
      throw new ActionableError(
        `Temporal is not reachable at ${temporal.address} (TEMPORAL_ADDRESS)`,
        'Start that server, or unset TEMPORAL_ADDRESS to let this script run a local dev server.',
      );
    }
    log.ok('temporal', `reachable at ${temporal.address}`);
    return;
  }
  const { devPort, uiPort } = temporal;
  log.step('temporal', `checking 127.0.0.1:${devPort}`);
  if (!(await tcpProbe('127.0.0.1', devPort))) {
    await startDevServer(temporal);
    return;
  }
  const ours = livePidFromFile(temporalPidFile, 'temporal');
  log.ok(
    'temporal',
    `already running at 127.0.0.1:${devPort}${ours ? ` (pid ${ours}, started by these scripts)` : ''}; reusing it`,
  );
  if ((await httpStatus(`http://127.0.0.1:${uiPort}/`)) !== 200) {
    log.warn('temporal', `nothing answers the Web UI at http://127.0.0.1:${uiPort}`);
  }
}
