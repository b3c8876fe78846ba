import { join } from 'node:path';

/** The dbmate SQL migrations of the interventions database, applied by its service at start-up. */
export const INTERVENTIONS_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');
