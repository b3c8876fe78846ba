import { Client, Pool } from 'pg';
import { AUDIT_MIGRATIONS_DIR, AUDIT_TABLES, AuditTrail } from '@mg/shared-audit';
import {
  createSqlClient,
  findSchemaDrift,
  pgSqlExecutor,
  type SqlClient,
  type SqlExecutor,
} from '@mg/shared-database';
import { type TestDatabase } from '@mg/shared-testing';
import { OUTBOX_MIGRATIONS_DIR, OUTBOX_SCHEMA_PATH } from './outbox.location';
import { InvalidEventEnvelopeError, OutboxWriter } from './outbox-writer';
import { sampleEvent, createDatabaseWith } from './test-fixtures/outbox-test-kit';

jest.setTimeout(30_000);

let database: TestDatabase;
let pool: Pool;
let prisma: SqlClient;

beforeAll(async () => {
  // A service's database: the shared tables plus a business table of its own.
  database = await createDatabaseWith('outbox_writer', [
    AUDIT_MIGRATIONS_DIR,
    OUTBOX_MIGRATIONS_DIR,
  ]);
  pool = new Pool({ connectionString: database.url, max: 3 });
  prisma = createSqlClient(database.url, { poolSize: 2 });
  await pool.query('CREATE TABLE contracts (id UUID PRIMARY KEY, project_id UUID NOT NULL)');
});

afterAll(async () => {
  await prisma?.$disconnect();
  await pool?.end();
  await database?.drop();
});

/** A use case's transaction: the change, its audit row and its event. */
async function createContract(tx: SqlExecutor, event = sampleEvent()) {
  const contractId = event.data.contractId as string;
  await tx.$executeRawUnsafe(
    'INSERT INTO contracts (id, project_id) VALUES ($1::uuid, $2::uuid)',
    contractId,
    event.projectId,
  );
  await AuditTrail.record(tx, {
    actor: 'system',
    action: 'contract.create',
    entityType: 'Contract',
    entityId: contractId,
    after: { id: contractId },
  });
  await OutboxWriter.enqueue(tx, event);
  return { contractId, eventId: event.id };
}

const countsFor = async ({ contractId, eventId }: { contractId: string; eventId: string }) => {
  const { rows } = await pool.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM contracts WHERE id = $1) AS contracts,
            (SELECT count(*)::int FROM audit_log WHERE entity_id = $1::text) AS audit,
            (SELECT count(*)::int FROM outbox_events WHERE id = $2) AS events`,
    [contractId, eventId],
  );
  return rows[0];
};

describe('OutboxWriter.enqueue', () => {
  it('commits the change, its audit row and its event together in one pg transaction', async () => {
    const client = await pool.connect();
    let ids;
    try {
      await client.query('BEGIN');
      ids = await createContract(pgSqlExecutor(client));
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await countsFor(ids)).toEqual({ contracts: 1, audit: 1, events: 1 });
    const { rows } = await pool.query(
      'SELECT subject, envelope, published_at FROM outbox_events WHERE id = $1',
      [ids.eventId],
    );
    expect(rows[0]).toMatchObject({
      subject: 'maintenance.contract.created',
      envelope: { id: ids.eventId, type: 'contract.created' },
      published_at: null,
    });
  });

  it('rolls all three back together: no event without its change, no change without its event', async () => {
    const client = await pool.connect();
    let ids: { contractId: string; eventId: string } | undefined;
    try {
      await client.query('BEGIN');
      const executor = pgSqlExecutor(client);
      ids = await createContract(executor);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await countsFor(ids)).toEqual({ contracts: 0, audit: 0, events: 0 });
  });

  it('works the same inside a Prisma interactive transaction', async () => {
    const committed = await prisma.$transaction((tx) => createContract(tx));
    expect(await countsFor(committed)).toEqual({ contracts: 1, audit: 1, events: 1 });
    const event = sampleEvent();
    await expect(
      prisma.$transaction(async (tx) => {
        await createContract(tx, event);
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect(
      await countsFor({ contractId: event.data.contractId as string, eventId: event.id }),
    ).toEqual({ contracts: 0, audit: 0, events: 0 });
  });

  it('refuses an envelope that breaks the SPEC §8 schema, as a bug rather than a 400', async () => {
    const broken = { ...sampleEvent(), type: 'contract.vanished' } as never;
    await expect(OutboxWriter.enqueue(prisma, broken)).rejects.toThrow(InvalidEventEnvelopeError);
    await expect(OutboxWriter.enqueue(prisma, broken)).rejects.toThrow(/type/);
  });

  it('notifies the relay’s channel when the transaction commits', async () => {
    const listener = new Client({ connectionString: database.url });
    await listener.connect();
    try {
      const notified = new Promise((resolve) => listener.once('notification', resolve));
      await listener.query('LISTEN outbox_events');
      await OutboxWriter.enqueue(prisma, sampleEvent());
      await expect(notified).resolves.toMatchObject({ channel: 'outbox_events' });
    } finally {
      await listener.end();
    }
  });

  it('leaves the service’s drift test clean once it ignores the shared tables', async () => {
    expect(
      await findSchemaDrift({
        schemaPath: OUTBOX_SCHEMA_PATH,
        databaseUrl: database.url,
        ignoreTables: [...AUDIT_TABLES, 'contracts'],
      }),
    ).toEqual([]);
  });
});
