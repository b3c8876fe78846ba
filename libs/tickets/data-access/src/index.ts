import { join } from 'node:path';

/** The dbmate SQL migrations of the tickets database, applied by its service at start-up. */
export const TICKETS_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');
