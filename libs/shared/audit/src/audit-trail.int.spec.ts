import { Pool } from 'pg';
import { createSqlClient, pgSqlExecutor, type SqlClient } from '@mg/shared-database';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { AUDIT_MIGRATIONS_DIR } from './audit-log.location';
import { AuditTrail } from './audit-trail';
import { verifyAuditChain } from './verify-audit-chain';

jest.setTimeout(30_000);

let database: TestDatabase;
let prisma: SqlClient;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase('audit_trail', AUDIT_MIGRATIONS_DIR);
  prisma = createSqlClient(database.url, { poolSize: 4 });
  pool = new Pool({ connectionString: database.url, max: 25 });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await pool?.end();
  await database?.drop();
});

const admin = { id: '5f0c2f43-4b7e-4c8e-9a54-3c2b7f6f1a01', role: 'ADMIN' } as const;

const rowsOf = (entityId: string) =>
  pool
    .query('select * from audit_log where entity_id = $1 order by seq', [entityId])
    .then((result) => result.rows as Record<string, unknown>[]);

describe('AuditTrail.record', () => {
  it('writes who did what to which entity, with before/after, inside the caller’s transaction', async () => {
    const entityId = 'contract-1';
    const recorded = await prisma.$transaction((tx) =>
      AuditTrail.record(tx, {
        actor: admin,
        action: 'contract.update',
        entityType: 'Contract',
        entityId,
        projectId: 'a3c1e1b2-0d4f-4c59-9a51-2b7c1f3e4d50',
        before: { slaHours: 4 },
        after: { slaHours: 2, at: new Date('2026-11-25T10:00:00Z') },
        requestId: 'req-1',
      }),
    );
    expect(recorded).toEqual({ id: expect.any(String), seq: expect.any(Number) });
    const [row] = await rowsOf(entityId);
    expect(row).toMatchObject({
      id: recorded.id,
      seq: String(recorded.seq),
      actor_id: admin.id,
      actor_role: 'ADMIN',
      action: 'contract.update',
      entity_type: 'Contract',
      outcome: 'SUCCEEDED',
      status_code: null,
      before: { slaHours: 4 },
      after: { slaHours: 2, at: '2026-11-25T10:00:00.000Z' },
      request_id: 'req-1',
      occurred_at: expect.any(Date),
    });
    expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('disappears with the business transaction when it rolls back', async () => {
    const failing = prisma.$transaction(async (tx) => {
      await AuditTrail.record(tx, {
        actor: 'system',
        action: 'contract.expire',
        entityType: 'Contract',
        entityId: 'rolled-back',
      });
      throw new Error('business rule failed after the audit row');
    });
    await expect(failing).rejects.toThrow('business rule failed');
    expect(await rowsOf('rolled-back')).toEqual([]);
  });

  it('records a refusal with its status and error code, and the system as an actor', async () => {
    await AuditTrail.recordRefusal(pgSqlExecutor(pool), {
      actor: 'system',
      action: 'contract.create',
      entityType: 'Contract',
      entityId: 'refused-1',
      statusCode: 409,
      reason: 'CONTRACT_OVERLAP',
    });
    expect(await rowsOf('refused-1')).toMatchObject([
      {
        actor_id: null,
        actor_role: 'SYSTEM',
        outcome: 'REFUSED',
        status_code: 409,
        reason: 'CONTRACT_OVERLAP',
      },
    ]);
  });
});

describe('audit_log is append-only in the database, even for the superuser', () => {
  it.each([
    ['UPDATE', "update audit_log set reason = 'rewritten'"],
    ['DELETE', 'delete from audit_log'],
    ['TRUNCATE', 'truncate audit_log'],
    ['an UPDATE matching no row', "update audit_log set reason = 'x' where false"],
  ])('refuses %s', async (_statement, sql) => {
    await expect(pool.query(sql)).rejects.toThrow(/audit_log is append-only/);
  });

  it('ignores the seq and hashes a client sends: the trigger computes them', async () => {
    const { rows } = await pool.query<{ seq: string; prev_hash: string; hash: string }>(
      `insert into audit_log (actor_role, action, entity_type, outcome, seq, prev_hash, hash)
       values ('SYSTEM', 'forge.try', 'Forge', 'SUCCEEDED', 999999, 'forged', 'forged')
       returning seq, prev_hash, hash`,
    );
    expect(rows[0]?.seq).not.toBe('999999');
    expect(rows[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(pgSqlExecutor(pool))).toMatchObject({ ok: true });
  });
});

describe('the hash chain', () => {
  it('stays one valid line under 20 concurrent inserting transactions', async () => {
    const before = await verifyAuditChain(prisma);
    await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          await AuditTrail.record(pgSqlExecutor(client), {
            actor: admin,
            action: 'ticket.create',
            entityType: 'Ticket',
            entityId: `concurrent-${index}`,
          });
          // Hold the transaction open a little so that the inserts really overlap.
          await client.query('select pg_sleep(0.01)');
          await client.query('commit');
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query<{ seq: string }>('select seq from audit_log order by seq');
    expect(rows.map((row) => Number(row.seq))).toEqual(rows.map((_, index) => index + 1));
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: before.checked + 20 });
  });
});
