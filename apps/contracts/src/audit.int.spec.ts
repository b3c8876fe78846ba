import { Client } from 'pg';
import { verifyAuditChain } from '@mg/shared-audit';
import { pgSqlExecutor } from '@mg/shared-database';
import { type SignedInUser } from '@mg/shared-testing';
import {
  aContractBody,
  type ContractsTestContext,
  createProject,
  startContractsService,
} from './test-fixtures/contracts-test-harness';

// A throw-away database is created and migrated first.
jest.setTimeout(30_000);

let context: ContractsTestContext;
let admin: SignedInUser;
let pm: SignedInUser;
let developer: SignedInUser;

beforeAll(async () => {
  context = await startContractsService('contracts_audit');
  [admin, pm, developer] = await Promise.all([
    context.newUser('ADMIN'),
    context.newUser('PROJECT_MANAGER'),
    context.newUser('DEVELOPER'),
  ]);
});

afterAll(async () => {
  await context?.dispose();
});

interface Entry {
  action: string;
  outcome: string;
  statusCode: number | null;
  reason: string | null;
  actor: unknown;
  entity: { type: string; id: string | null };
  before: unknown;
  after: unknown;
  requestId: string | null;
}

const auditOf = async (user: SignedInUser, query: string) => {
  const response = await context.call(user, 'GET', `/api/v1/audit?${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Entry[] }>().items;
};

async function withDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: context.databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('the audit trail', () => {
  it('records each change with its actor, request id, before and after', async () => {
    const { id: projectId } = await createProject(context, pm, [developer]);
    const created = await context.call(pm, 'POST', '/api/v1/contracts', aContractBody(projectId));
    const contractId = created.json<{ id: string }>().id;
    const patched = await context.call(pm, 'PATCH', `/api/v1/contracts/${contractId}`, {
      coverage: 'Everything',
    });

    const entries = await auditOf(pm, `entityType=Contract&entityId=${contractId}`);
    expect(entries).toMatchObject([
      { action: 'contract.create', outcome: 'SUCCEEDED', before: null, after: { id: contractId } },
      {
        action: 'contract.update',
        outcome: 'SUCCEEDED',
        actor: { id: pm.id, role: 'PROJECT_MANAGER' },
        before: { coverage: 'Blocking and critical bugs' },
        after: { coverage: 'Everything' },
        requestId: patched.headers['x-request-id'],
      },
    ]);
    const projectEntries = await auditOf(admin, `entityType=Project&entityId=${projectId}`);
    expect(projectEntries.map((entry) => entry.action)).toEqual(['project.create']);
  });

  it('records nothing for a change that changes nothing', async () => {
    const { id: projectId } = await createProject(context, pm);
    const created = await context.call(pm, 'POST', '/api/v1/contracts', aContractBody(projectId));
    const contractId = created.json<{ id: string }>().id;
    const project = (await context.call(pm, 'GET', `/api/v1/projects/${projectId}`)).json<{
      name: string;
    }>();
    await context.call(pm, 'PATCH', `/api/v1/contracts/${contractId}`, { slaHours: 24 });
    await context.call(pm, 'PATCH', `/api/v1/projects/${projectId}`, { name: project.name });
    expect(await auditOf(pm, `entityType=Contract&entityId=${contractId}`)).toHaveLength(1);
    expect(await auditOf(pm, `entityType=Project&entityId=${projectId}`)).toHaveLength(1);
  });

  it('records refusals (403, 409) with the caller, status and error code', async () => {
    const { id: projectId } = await createProject(context, pm, [developer]);
    const contract = await context.call(pm, 'POST', '/api/v1/contracts', aContractBody(projectId));
    const contractId = contract.json<{ id: string }>().id;
    expect(
      (await context.call(developer, 'PATCH', `/api/v1/contracts/${contractId}`, { slaHours: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await context.call(pm, 'POST', '/api/v1/contracts', aContractBody(projectId))).statusCode,
    ).toBe(409);

    const refusals = (await auditOf(admin, 'entityType=Contract&limit=100')).filter(
      (entry) => entry.outcome === 'REFUSED',
    );
    expect(refusals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'contract.update',
          entity: { type: 'Contract', id: contractId },
          actor: { id: developer.id, role: 'DEVELOPER' },
          statusCode: 403,
          reason: 'FORBIDDEN',
        }),
        expect.objectContaining({
          action: 'contract.create',
          actor: { id: pm.id, role: 'PROJECT_MANAGER' },
          statusCode: 409,
          reason: 'CONTRACT_OVERLAP',
        }),
      ]),
    );
  });

  it("shows a refused creation on a project to that project's manager", async () => {
    const { id: projectId } = await createProject(context, pm, [developer]);
    expect(
      (await context.call(pm, 'POST', '/api/v1/contracts', aContractBody(projectId))).statusCode,
    ).toBe(201);
    expect(
      (await context.call(developer, 'POST', '/api/v1/contracts', aContractBody(projectId)))
        .statusCode,
    ).toBe(403);
    const refusals = (await auditOf(pm, 'entityType=Contract&limit=100')).filter(
      (entry) => entry.outcome === 'REFUSED' && entry.action === 'contract.create',
    );
    expect(refusals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: { id: developer.id, role: 'DEVELOPER' },
          statusCode: 403,
        }),
      ]),
    );
  });

  it('is refused to developers (403) and limited to their projects for a project manager', async () => {
    expect((await context.call(developer, 'GET', '/api/v1/audit')).statusCode).toBe(403);
    const stranger = await context.newUser('PROJECT_MANAGER');
    const { id: projectId } = await createProject(context, pm);
    expect(await auditOf(stranger, `entityType=Project&entityId=${projectId}`)).toEqual([]);
    expect(await auditOf(pm, `entityType=Project&entityId=${projectId}`)).toHaveLength(1);
  });

  it('cannot be edited, and a row edited behind the triggers’ back breaks the hash chain', async () => {
    const { id: projectId } = await createProject(context, pm);
    await withDatabase(async (client) => {
      const executor = pgSqlExecutor(client);
      expect(await verifyAuditChain(executor)).toMatchObject({ ok: true });
      await expect(
        client.query(`UPDATE audit_log SET reason = 'edited' WHERE entity_id = $1`, [projectId]),
      ).rejects.toThrow(/append-only/);

      await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await client.query(`UPDATE audit_log SET after = '{"name":"forged"}' WHERE entity_id = $1`, [
        projectId,
      ]);
      await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
      const { rows } = await client.query<{ seq: string }>(
        'SELECT seq::text AS seq FROM audit_log WHERE entity_id = $1',
        [projectId],
      );
      expect(await verifyAuditChain(executor)).toMatchObject({
        ok: false,
        firstBrokenSeq: Number(rows[0]?.seq),
      });
    });
  });
});
