// NATS with JetStream: reach it (starting a local nats-server if it is down and installed) and
// create or update the MAINTENANCE stream of SPEC §8.
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

import { ActionableError, log } from './console.mjs';
import { isLocalHost, tcpProbe, waitFor } from './net.mjs';
import { dataDir, ensureDir, logsDir, shown } from './paths.mjs';
import { fileSize, findExecutable, livePidFromFile, spawnDetached, tail } from './run.mjs';
import { hostPort } from './settings.mjs';

export const natsPidFile = join(dataDir, 'nats.pid');
const natsLogFile = join(logsDir, 'nats.log');
const systemStoreDir = '/var/lib/nats-server';

const DAY_NS = 24 * 60 * 60 * 1e9;
export const streamSettings = {
  name: 'MAINTENANCE',
  subjects: ['maintenance.>'],
  duplicateWindowNs: 2 * 60 * 1e9,
  maxAgeNs: 90 * DAY_NS,
};

/** The system store when the server would be the system one (default port) and we may write it. */
function storeDir(port) {
  if (port !== 4222) return ensureDir(join(dataDir, `nats-${port}`));
  try {
    accessSync(systemStoreDir, constants.W_OK);
    return systemStoreDir;
  } catch {
    return ensureDir(join(dataDir, 'nats'));
  }
}

async function startLocalServer({ host, port }) {
  const binary = findExecutable('nats-server', ['/usr/sbin/nats-server']);
  if (!binary) {
    throw new ActionableError(
      `NATS is not reachable at ${host}:${port} and nats-server is not installed`,
      'Install it (Debian/Ubuntu: `apt-get install nats-server`, or a release from github.com/nats-io/nats-server),\n' +
        'or set NATS_URL to a running server with JetStream enabled.',
    );
  }
  const store = storeDir(port);
  ensureDir(logsDir);
  log.step('nats', `not running; starting ${binary} with JetStream (store ${shown(store)})`);
  const bindHost = host === 'localhost' ? '127.0.0.1' : host;
  const logOffset = fileSize(natsLogFile);
  const pid = spawnDetached(
    binary,
    ['-a', bindHost, '-p', String(port), '-js', '-sd', store, '-l', natsLogFile],
    { logFile: natsLogFile, pidFile: natsPidFile },
  );
  const up = await waitFor(() => tcpProbe(host, port), {
    timeoutMs: 15_000,
    onWait: (ms) => log.info('nats', `waiting for ${host}:${port} (${Math.round(ms / 1000)}s)`),
  });
  if (!up) {
    throw new ActionableError(
      `nats-server (pid ${pid}) did not open ${host}:${port} within 15s`,
      `See ${shown(natsLogFile)}:\n${tail(natsLogFile, 10, logOffset)}`,
    );
  }
  log.ok('nats', `started (pid ${pid}, log ${shown(natsLogFile)})`);
}

async function loadNats() {
  try {
    const [{ connect, nanos }, { jetstreamManager, StorageType }] = await Promise.all([
      import('@nats-io/transport-node'),
      import('@nats-io/jetstream'),
    ]);
    return { connect, nanos, jetstreamManager, StorageType };
  } catch (error) {
    throw new ActionableError(
      `cannot load the NATS client packages (${error.code ?? error.message})`,
      'Install dependencies first: `npm ci` (npm start and npm test do it for you).',
    );
  }
}

async function ensureStream(url) {
  const { connect, jetstreamManager, StorageType } = await loadNats();
  const nc = await connect({ servers: url.split(','), name: 'prepare-infra', timeout: 5000 }).catch(
    (error) => {
      throw new ActionableError(
        `cannot connect to NATS at ${url}: ${error.message}`,
        'Check NATS_URL (unset it to use the local server on 127.0.0.1:4222).',
      );
    },
  );
  try {
    let jsm;
    try {
      jsm = await jetstreamManager(nc);
    } catch (error) {
      throw new ActionableError(
        `NATS at ${url} does not offer JetStream (${error.message})`,
        'Restart nats-server with JetStream enabled: `nats-server -js -sd <store dir>`.',
      );
    }
    const { name, subjects, duplicateWindowNs, maxAgeNs } = streamSettings;
    const wanted = { subjects, duplicate_window: duplicateWindowNs, max_age: maxAgeNs };
    const existing = await jsm.streams.info(name).catch((error) => {
      if (/not found/i.test(error.message)) return undefined;
      throw error;
    });
    if (!existing) {
      await jsm.streams.add({ name, storage: StorageType.File, ...wanted });
      log.ok(
        'nats',
        `created stream ${name} (${subjects.join(', ')}, file storage, dedup 2m, max age 90d)`,
      );
      return;
    }
    const config = existing.config;
    if (config.storage !== StorageType.File) {
      log.warn(
        'nats',
        `stream ${name} uses ${config.storage} storage; delete it to recreate it on file storage`,
      );
    }
    const differs =
      JSON.stringify(config.subjects) !== JSON.stringify(subjects) ||
      config.duplicate_window !== duplicateWindowNs ||
      config.max_age !== maxAgeNs;
    if (differs) {
      await jsm.streams.update(name, wanted);
      log.ok('nats', `updated stream ${name} to the expected settings`);
    } else {
      log.ok('nats', `stream ${name} is up to date (${existing.state.messages} messages)`);
    }
  } finally {
    await nc.close();
  }
}

export async function prepareNats({ url }) {
  const { host, port } = hostPort(url, 4222);
  log.step('nats', `checking ${host}:${port}`);
  if (!(await tcpProbe(host, port))) {
    if (!isLocalHost(host)) {
      throw new ActionableError(
        `NATS is not reachable at ${url}`,
        'Start it, or set NATS_URL to a reachable server (unset it to use the local one).',
      );
    }
    await startLocalServer({ host, port });
  } else if (livePidFromFile(natsPidFile, 'nats-server')) {
    log.ok('nats', `running at ${host}:${port} (started earlier by these scripts)`);
  } else {
    log.ok('nats', `reachable at ${host}:${port}`);
  }
  await ensureStream(url);
}
