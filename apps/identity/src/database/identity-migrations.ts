import { AUDIT_MIGRATIONS_DIR } from '@mg/shared-audit';
import { IDEMPOTENCY_MIGRATIONS_DIR } from '@mg/shared-idempotency';
import { IDENTITY_MIGRATIONS_DIR } from '@mg/identity-data-access';

/**
 * Everything the identity database is made of, applied together at start-up: the service's own
 * tables and those of the shared mechanisms it uses (audit trail, idempotency keys).
 */
export const IDENTITY_DATABASE_MIGRATIONS: readonly string[] = [
  IDENTITY_MIGRATIONS_DIR,
  AUDIT_MIGRATIONS_DIR,
  IDEMPOTENCY_MIGRATIONS_DIR,
];
