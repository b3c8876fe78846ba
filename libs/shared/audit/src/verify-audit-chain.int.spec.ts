import { Client } from 'pg';
import { createSqlClient, type SqlClient } from '@mg/shared-database';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { AUDIT_MIGRATIONS_DIR } from './audit-log.location';
import { AuditTrail } from './audit-trail';
import { verifyAuditChain } from './verify-audit-chain';

jest.setTimeout(30_000);

let database: TestDatabase;
let prisma: SqlClient;

beforeAll(async () => {
  database = await createTestDatabase('audit_verify', AUDIT_MIGRATIONS_DIR);
  prisma = createSqlClient(database.url, { poolSize: 2 });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

/** What only someone able to switch the triggers off could do, as the superuser here can. */
async function behindTheTriggersBack(statement: string): Promise<void> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('alter table audit_log disable trigger user');
    await client.query(statement);
    await client.query('alter table audit_log enable trigger user');
  } finally {
    await client.end();
  }
}

const recordFive = async () => {
  for (let n = 1; n <= 5; n += 1) {
    await AuditTrail.record(prisma, {
      actor: 'system',
      action: 'contract.expire',
      entityType: 'Contract',
      entityId: `contract-${n}`,
      after: { n },
    });
  }
};

describe('verifyAuditChain', () => {
  it('accepts an empty trail and a trail written only through the trigger', async () => {
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 0 });
    await recordFive();
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 5 });
  });

  it('names the row whose field was edited behind the triggers’ back', async () => {
    await behindTheTriggersBack(`update audit_log set after = '{"n": 42}' where seq = 3`);
    expect(await verifyAuditChain(prisma)).toEqual({ ok: false, checked: 5, firstBrokenSeq: 3 });
  });

  it('holds again once the original value is put back: the hash is a pure function of the row', async () => {
    await behindTheTriggersBack(`update audit_log set after = '{"n": 3}' where seq = 3`);
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 5 });
  });

  it('catches an edit whose author also recomputed that row’s hash, at the next link', async () => {
    await behindTheTriggersBack(`update audit_log set reason = 'hidden' where seq = 2`);
    await behindTheTriggersBack(
      `update audit_log set hash = audit_log_hash(audit_log) where seq = 2`,
    );
    expect(await verifyAuditChain(prisma)).toEqual({ ok: false, checked: 5, firstBrokenSeq: 3 });
  });
});

describe('verifyAuditChain on a removed row', () => {
  it('names the row after the gap', async () => {
    const other = await createTestDatabase('audit_verify_gap', AUDIT_MIGRATIONS_DIR);
    const client = createSqlClient(other.url, { poolSize: 1 });
    try {
      for (let n = 1; n <= 5; n += 1) {
        await AuditTrail.record(client, { actor: 'system', action: 'x.y', entityType: 'X' });
      }
      await client.$executeRawUnsafe('alter table audit_log disable trigger user');
      await client.$executeRawUnsafe('delete from audit_log where seq = 4');
      await client.$executeRawUnsafe('alter table audit_log enable trigger user');
      expect(await verifyAuditChain(client)).toEqual({ ok: false, checked: 4, firstBrokenSeq: 5 });
    } finally {
      await client.$disconnect();
      await other.drop();
    }
  });
});
