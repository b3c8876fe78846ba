import { adminUrlFor, databaseNameOf, redactDatabaseUrl, withDatabaseName } from './database-url';

describe('database URLs', () => {
  const url = 'postgres://app:s3cret@db.local:5433/mg_tickets?sslmode=disable';

  it('reads the database name', () => {
    expect(databaseNameOf(url)).toBe('mg_tickets');
  });

  it('refuses a URL without a database name', () => {
    expect(() => databaseNameOf('postgres://app:s3cret@db.local:5433')).toThrow(
      /names no database/,
    );
  });

  it('never prints the password when refusing a URL', () => {
    expect(() => databaseNameOf('postgres://app:s3cret@db.local:5433/')).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining('s3cret') }),
    );
  });

  it('points the admin URL at the maintenance database, keeping server, credentials and options', () => {
    expect(adminUrlFor(url)).toBe('postgres://app:s3cret@db.local:5433/postgres?sslmode=disable');
  });

  it('swaps only the database name', () => {
    expect(withDatabaseName(url, 'mg_test_x')).toBe(
      'postgres://app:s3cret@db.local:5433/mg_test_x?sslmode=disable',
    );
  });

  it('masks the password for logs', () => {
    expect(redactDatabaseUrl(url)).toBe(
      'postgres://app:***@db.local:5433/mg_tickets?sslmode=disable',
    );
  });
});
