import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { migrateDatabase } from '../migrations/migrate-database';
import { PostgresReadinessCheck } from '../readiness/postgres-readiness-check';
import { PrismaClient } from '../test-fixtures/prisma-client/generated/client';
import { dropDatabase, throwawayDatabaseUrl } from '../test-fixtures/throwaway-database';
import { createPrismaClient } from './create-prisma-client';

const UNREACHABLE_URL = 'postgres://postgres@127.0.0.1:1/nowhere';

describe('createPrismaClient', () => {
  const databaseUrl = throwawayDatabaseUrl('prisma');
  const prisma = createPrismaClient(PrismaClient, databaseUrl, { poolSize: 2 });

  beforeAll(() =>
    migrateDatabase({
      databaseUrl,
      migrationsDir: join(__dirname, '../test-fixtures/drift/migrations'),
    }),
  );
  afterAll(async () => {
    await prisma.$disconnect();
    await dropDatabase(databaseUrl);
  });

  it('reads and writes through the pg driver adapter, without a native engine', async () => {
    const id = randomUUID();
    await prisma.project.create({ data: { id, name: 'Billing portal' } });
    expect(await prisma.project.findUnique({ where: { id } })).toMatchObject({
      id,
      name: 'Billing portal',
      createdAt: expect.any(Date),
    });
  });

  it('fails fast with P1001 when the server cannot be reached', async () => {
    const unreachable = createPrismaClient(PrismaClient, UNREACHABLE_URL, {
      connectionTimeoutMs: 500,
    });
    try {
      await expect(unreachable.project.findMany()).rejects.toMatchObject({ code: 'P1001' });
    } finally {
      await unreachable.$disconnect();
    }
  });
});

describe('PostgresReadinessCheck', () => {
  it('passes through a Prisma client and through a pg pool', async () => {
    const url = throwawayDatabaseUrl('ready').replace(/\/[^/]+$/, '/postgres');
    const prisma = createPrismaClient(PrismaClient, url);
    const pool = new Pool({ connectionString: url });
    try {
      await expect(new PostgresReadinessCheck(prisma).check()).resolves.toBeUndefined();
      await expect(new PostgresReadinessCheck(pool, 'pool').check()).resolves.toBeUndefined();
    } finally {
      await prisma.$disconnect();
      await pool.end();
    }
  });

  it('fails when the database cannot be reached', async () => {
    const pool = new Pool({ connectionString: UNREACHABLE_URL, connectionTimeoutMillis: 500 });
    try {
      await expect(new PostgresReadinessCheck(pool).check()).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await pool.end();
    }
  });

  it('is named "database" unless told otherwise', () => {
    expect(new PostgresReadinessCheck(new Pool()).name).toBe('database');
  });
});
