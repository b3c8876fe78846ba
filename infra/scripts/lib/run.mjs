// Running commands: in the foreground with inherited output, or detached so they outlive us.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';

import { repoRoot } from './paths.mjs';

/** Runs a command with inherited stdio; resolves to its exit code (signals count as failure). */
export function run(command, args, { env = process.env, cwd = repoRoot, stdout = 'inherit' } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', stdout, 'inherit'] });
    child.once('error', (error) => {
      console.error(`cannot run ${command}: ${error.message}`);
      resolvePromise(127);
    });
    child.once('close', (code, signal) => resolvePromise(signal ? 128 : (code ?? 1)));
  });
}

/** Runs a short command and returns its trimmed stdout, or undefined when it fails. */
export function capture(command, args) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The absolute path of an executable on PATH (or one of `extraPaths`), or undefined. */
export function findExecutable(name, extraPaths = []) {
  const candidates = [
    ...extraPaths,
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, name)),
  ];
  return candidates.find((path) => existsSync(path));
}

/**
 * Starts a long-lived process in its own session with output appended to `logFile`, records its
 * pid in `pidFile`, and lets it outlive this script.
 */
export function spawnDetached(
  command,
  args,
  { logFile, pidFile, cwd = repoRoot, env = process.env },
) {
  const out = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${command}`);
    writeFileSync(pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(out);
  }
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The pid recorded in `pidFile` if that process is alive and its command line mentions `name`. */
export function livePidFromFile(pidFile, name) {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return undefined;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline) && !readFileSync(cmdline, 'utf8').includes(name)) {
    // The pid was reused by an unrelated process: the one we started is gone.
    rmSync(pidFile, { force: true });
    return undefined;
  }
  return pid;
}

/** The current size of a file: pass it to `tail` to see only what was written since. */
export function fileSize(file) {
  return existsSync(file) ? statSync(file).size : 0;
}

/**
 * The last `count` lines of a log file written after byte `from`, for error messages; lines
 * marked as errors are preferred when there are any.
 */
export function tail(file, count = 10, from = 0) {
  if (!existsSync(file)) return '';
  const lines = readFileSync(file).subarray(from).toString('utf8').trimEnd().split('\n');
  const errors = lines.filter((line) =>
    /level=(error|fatal)|\[(ERR|FTL)\]|"level":"?(error|fatal|50|60)/i.test(line),
  );
  return (errors.length > 0 ? errors : lines)
    .slice(-count)
    .map((line) => (line.length > 240 ? `${line.slice(0, 240)}…` : line))
    .join('\n');
}
