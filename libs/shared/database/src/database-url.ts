/** The database a PostgreSQL URL points at (`postgres://…/mg_tickets?x=y` → `mg_tickets`). */
export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name)
    throw new Error(`The database URL names no database: ${redactDatabaseUrl(databaseUrl)}`);
  return name;
}

/**
 * The same server and credentials, but the `postgres` maintenance database: where one connects
 * to create or drop the database the URL names.
 */
export function adminUrlFor(databaseUrl: string, maintenanceDatabase = 'postgres'): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${maintenanceDatabase}`;
  return url.toString();
}

/** The URL with another database name, same server, credentials and parameters. */
export function withDatabaseName(databaseUrl: string, databaseName: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}

/** Safe to print: the password is masked. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable database URL)';
  }
}
