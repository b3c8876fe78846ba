// Where the developer scripts keep things. `.data/` (state, logs, pid files) and `.tools/`
// (locally built binaries) are git-ignored.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const dataDir = join(repoRoot, '.data');
export const logsDir = join(dataDir, 'logs');
export const toolsBinDir = join(repoRoot, '.tools', 'bin');

/** Per-user cache shared by every clone on this machine, so a fresh clone does not rebuild tools. */
export const userCacheDir = join(
  process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
  'maintenance-governance',
);

export function ensureDir(path) {
  mkdirSync(path, { recursive: true });
  return path;
}

/** `path` relative to the repository root, for messages. */
export function shown(path) {
  return path.startsWith(repoRoot + '/') ? path.slice(repoRoot.length + 1) : path;
}
