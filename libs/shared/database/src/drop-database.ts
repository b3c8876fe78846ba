import { Client } from 'pg';
import { adminUrlFor, databaseNameOf } from './database-url';

const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Drops the database a URL names, if it exists, closing its open sessions first (`WITH (FORCE)`,
 * PostgreSQL 13+), so a test's forgotten pool cannot block the clean-up.
 */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrlFor(databaseUrl) });
  await admin.connect();
  try {
    await admin.query(
      `DROP DATABASE IF EXISTS ${quoteIdentifier(databaseNameOf(databaseUrl))} WITH (FORCE)`,
    );
  } finally {
    await admin.end();
  }
}
