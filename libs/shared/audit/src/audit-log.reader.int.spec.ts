import { createSqlClient, type SqlClient } from '@mg/shared-database';
import { DomainError } from '@mg/shared-kernel';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { AUDIT_MIGRATIONS_DIR } from './audit-log.location';
import { auditQuerySchema, listAuditEntries } from './audit-log.reader';
import { AuditTrail } from './audit-trail';

jest.setTimeout(30_000);

let database: TestDatabase;
let prisma: SqlClient;

const manager = { id: '0b6f3d2e-7a1c-4e5b-8d9f-1a2b3c4d5e6f', role: 'PROJECT_MANAGER' } as const;
const projectA = '11111111-1111-4111-8111-111111111111';
const projectB = '22222222-2222-4222-8222-222222222222';

beforeAll(async () => {
  database = await createTestDatabase('audit_reader', AUDIT_MIGRATIONS_DIR);
  prisma = createSqlClient(database.url, { poolSize: 2 });
  for (const [entityId, projectId] of [
    ['c1', projectA],
    ['c1', projectA],
    ['c2', projectB],
    ['c1', projectA],
  ] as const) {
    await AuditTrail.record(prisma, {
      actor: manager,
      action: 'contract.update',
      entityType: 'Contract',
      entityId,
      projectId,
      after: { entityId },
      requestId: `req-${entityId}`,
    });
  }
  await AuditTrail.record(prisma, { actor: 'system', action: 'user.create', entityType: 'User' });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const list = (query: Record<string, unknown>, projectIds?: string[]) =>
  listAuditEntries(prisma, auditQuerySchema.parse(query), { projectIds });

describe('listAuditEntries', () => {
  it('lists one entity’s entries oldest first, as SPEC §7 shows them', async () => {
    const page = await list({ entityType: 'Contract', entityId: 'c1' });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((entry) => entry.seq)).toEqual([1, 2, 4]);
    expect(page.items[0]).toEqual({
      id: expect.any(String),
      seq: 1,
      at: expect.any(Date),
      actor: manager,
      action: 'contract.update',
      entity: { type: 'Contract', id: 'c1' },
      projectId: projectA,
      outcome: 'SUCCEEDED',
      statusCode: null,
      reason: null,
      requestId: 'req-c1',
      before: null,
      after: { entityId: 'c1' },
    });
  });

  it('pages with a cursor until nextCursor is null, never repeating an entry', async () => {
    const first = await list({ limit: '2' });
    expect(first.items.map((entry) => entry.seq)).toEqual([1, 2]);
    const second = await list({ limit: '2', cursor: first.nextCursor });
    expect(second.items.map((entry) => entry.seq)).toEqual([3, 4]);
    const third = await list({ limit: '2', cursor: second.nextCursor });
    expect(third.items.map((entry) => entry.seq)).toEqual([5]);
    expect(third.items[0]?.actor).toBe('system');
    expect(third.nextCursor).toBeNull();
  });

  it('keeps to the projects a caller may see', async () => {
    const page = await list({}, [projectB]);
    expect(page.items.map((entry) => entry.entity.id)).toEqual(['c2']);
    expect((await list({}, [])).items).toEqual([]);
  });

  it('refuses a cursor it did not issue with VALIDATION_FAILED', async () => {
    const forged = Buffer.from(JSON.stringify({ seq: '1; drop table audit_log' })).toString(
      'base64url',
    );
    await expect(list({ cursor: forged })).rejects.toThrow(DomainError);
  });
});
