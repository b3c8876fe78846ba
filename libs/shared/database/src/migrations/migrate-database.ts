import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { redactDatabaseUrl } from '../database-url';
import { resolveDbmateBinary } from './dbmate-binary';

const run = promisify(execFile);

export interface MigrateDatabaseOptions {
  databaseUrl: string;
  /** Holds `<yyyymmddhhmmss>_<name>.sql` files with `-- migrate:up` / `-- migrate:down`. */
  migrationsDir: string;
  /** How long to wait for PostgreSQL to accept connections first (default 30 s). */
  waitTimeoutSeconds?: number;
}

export interface MigrationResult {
  /** File names applied by this run, in order; empty when the database was up to date. */
  applied: string[];
}

/** dbmate failed: the message carries its own explanation, with the password masked. */
export class MigrationError extends Error {
  constructor(databaseUrl: string, output: string) {
    super(`Migrating ${redactDatabaseUrl(databaseUrl)} failed: ${output.trim() || 'no output'}`);
    this.name = 'MigrationError';
  }
}

const appliedFiles = (stdout: string): string[] =>
  [...stdout.matchAll(/^Applied: (\S+)/gm)].map((match) => match[1] ?? '');

/**
 * Creates the database if missing and applies pending migrations with dbmate (`up`), waiting
 * for the server first. The schema dump is off: `schema.prisma` is the reviewed description.
 */
export async function migrateDatabase(options: MigrateDatabaseOptions): Promise<MigrationResult> {
  if (!existsSync(options.migrationsDir)) {
    throw new Error(`Migrations directory not found: ${options.migrationsDir}`);
  }
  const args = [
    '--url',
    options.databaseUrl,
    '--migrations-dir',
    options.migrationsDir,
    '--no-dump-schema',
    '--wait',
    '--wait-timeout',
    `${options.waitTimeoutSeconds ?? 30}s`,
    'up',
  ];
  try {
    // cwd = the migrations folder, so dbmate does not pick up some unrelated `.env` file.
    const { stdout } = await run(resolveDbmateBinary(), args, { cwd: options.migrationsDir });
    return { applied: appliedFiles(stdout) };
  } catch (error) {
    const { stderr, stdout, message } = error as {
      stderr?: string;
      stdout?: string;
      message: string;
    };
    const output = [stderr, stdout].filter(Boolean).join('\n') || message;
    throw new MigrationError(options.databaseUrl, output.replaceAll(options.databaseUrl, '(url)'));
  }
}
