import { AUDIT_MIGRATIONS_DIR } from '@mg/shared-audit';
import { IDEMPOTENCY_MIGRATIONS_DIR } from '@mg/shared-idempotency';
import { OUTBOX_MIGRATIONS_DIR } from '@mg/shared-outbox';
import { INTERVENTIONS_MIGRATIONS_DIR } from '@mg/interventions-data-access';

/**
 * Everything the interventions database is made of, applied together at start-up: the service's
 * own tables and those of the shared mechanisms it uses (audit trail, idempotency keys, outbox).
 */
export const INTERVENTIONS_DATABASE_MIGRATIONS: readonly string[] = [
  INTERVENTIONS_MIGRATIONS_DIR,
  AUDIT_MIGRATIONS_DIR,
  IDEMPOTENCY_MIGRATIONS_DIR,
  OUTBOX_MIGRATIONS_DIR,
];
