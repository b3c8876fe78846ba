import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { redactDatabaseUrl } from '../database-url';
import { resolveDbmateBinary } from './dbmate-binary';

const run = promisify(execFile);

/** Where the migrations are: one directory, or several applied as one ordered set. */
export type MigrationsLocation =
  | {
      /** Holds `<yyyymmddhhmmss>_<name>.sql` files with `-- migrate:up` / `-- migrate:down`. */
      migrationsDir: string;
      migrationsDirs?: undefined;
    }
  | {
      /**
       * A service's own directory plus those shipped by shared libraries (audit trail,
       * idempotency keys, outbox). dbmate orders the files of all of them by version, so
       * versions must be unique across the directories.
       */
      migrationsDirs: readonly string[];
      migrationsDir?: undefined;
    };

export type MigrateDatabaseOptions = MigrationsLocation & {
  databaseUrl: string;
  /** How long to wait for PostgreSQL to accept connections first (default 30 s). */
  waitTimeoutSeconds?: number;
};

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

const MIGRATION_FILE = /^(\d+)_.*\.sql$/;

/**
 * The directories to pass to dbmate, checked first: each must exist, and no version may appear
 * twice, since dbmate records a migration by version only and would skip the second file.
 */
export function migrationsDirsOf(location: MigrationsLocation): string[] {
  const directories =
    location.migrationsDirs === undefined ? [location.migrationsDir] : [...location.migrationsDirs];
  if (directories.length === 0) throw new Error('No migrations directory given');
  const seen = new Map<string, string>();
  for (const directory of directories) {
    if (!existsSync(directory)) throw new Error(`Migrations directory not found: ${directory}`);
    for (const file of readdirSync(directory)) {
      const version = MIGRATION_FILE.exec(file)?.[1];
      if (version === undefined) continue;
      const other = seen.get(version);
      if (other !== undefined) {
        throw new Error(`Migration version ${version} is used twice: ${other} and ${file}`);
      }
      seen.set(version, file);
    }
  }
  return directories;
}

const appliedFiles = (stdout: string): string[] =>
  [...stdout.matchAll(/^Applied: (\S+)/gm)].map((match) => match[1] ?? '');

/**
 * Creates the database if missing and applies pending migrations with dbmate (`up`), waiting
 * for the server first. The schema dump is off: `schema.prisma` is the reviewed description.
 */
export async function migrateDatabase(options: MigrateDatabaseOptions): Promise<MigrationResult> {
  const directories = migrationsDirsOf(options);
  const args = [
    '--url',
    options.databaseUrl,
    ...directories.flatMap((directory) => ['--migrations-dir', directory]),
    '--no-dump-schema',
    '--wait',
    '--wait-timeout',
    `${options.waitTimeoutSeconds ?? 30}s`,
    'up',
  ];
  try {
    // cwd = the migrations folder, so dbmate does not pick up some unrelated `.env` file.
    const { stdout } = await run(resolveDbmateBinary(), args, { cwd: directories[0] });
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
