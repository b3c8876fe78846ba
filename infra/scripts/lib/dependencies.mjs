// Installs node_modules when missing or older than package-lock.json, so `npm start` and
// `npm test` work on a fresh clone. Built-ins only: this runs before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ActionableError, formatDuration, log } from './console.mjs';
import { repoRoot } from './paths.mjs';
import { findExecutable } from './run.mjs';

const lockFile = join(repoRoot, 'package-lock.json');
const installedMarker = join(repoRoot, 'node_modules', '.package-lock.json');

function installReason() {
  if (!existsSync(join(repoRoot, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(lockFile)) return undefined;
  if (!existsSync(installedMarker)) return 'node_modules was not installed by npm';
  if (statSync(lockFile).mtimeMs > statSync(installedMarker).mtimeMs) {
    return 'package-lock.json is newer than node_modules';
  }
  return undefined;
}

// Two installs in one checkout at once corrupt node_modules: installs run under this lock when
// `flock` exists (people adding packages concurrently use `flock <lock> npm install -D …`).
const npmLock = join(tmpdir(), 'mg-npm.lock');
const flock = findExecutable('flock');

/** Waits until no install holds the lock, so we look at node_modules after it finished. */
function waitForOtherInstalls() {
  if (flock) spawnSync(flock, [npmLock, 'true'], { stdio: 'ignore' });
}

/** Runs npm under the lock; resolves to { code, stderr } (stderr is also shown). */
function npm(args) {
  const [command, commandArgs] = flock ? [flock, [npmLock, 'npm', ...args]] : ['npm', args];
  return new Promise((resolvePromise) => {
    const child = spawn(command, commandArgs, {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderr += chunk.toString('utf8');
    });
    child.once('error', (error) => resolvePromise({ code: 127, stderr: error.message }));
    child.once('close', (code) => resolvePromise({ code: code ?? 1, stderr }));
  });
}

export async function ensureDependencies() {
  if (installReason()) waitForOtherInstalls();
  const reason = installReason();
  if (!reason) {
    log.ok('dependencies', 'node_modules is up to date');
    return;
  }
  const hasLock = existsSync(lockFile);
  log.step('dependencies', `${reason}: running npm ${hasLock ? 'ci' : 'install'}`);
  const started = Date.now();
  let result = await npm(hasLock ? ['ci'] : ['install']);
  if (hasLock && result.code !== 0 && /EUSAGE|in sync/.test(result.stderr)) {
    // npm ci refuses a lock file that lacks entries, e.g. optional platform packages the registry
    // in use does not serve (seen with @dbmate/darwin-*). Install from the lock file without
    // rewriting it rather than fail.
    log.warn(
      'dependencies',
      'npm ci refused package-lock.json (see above); falling back to `npm install --no-save`',
    );
    result = await npm(['install', '--no-save']);
  }
  if (result.code !== 0) {
    throw new ActionableError(
      `npm install failed (exit ${result.code})`,
      'Read the npm output above. If package.json and package-lock.json disagree, run `npm install` and commit the lock file.',
    );
  }
  log.ok('dependencies', `installed in ${formatDuration(Date.now() - started)}`);
}
