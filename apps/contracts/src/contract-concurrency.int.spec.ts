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
let pm: SignedInUser;

beforeAll(async () => {
  context = await startContractsService('contracts_concurrency');
  pm = await context.newUser('PROJECT_MANAGER');
});

afterAll(async () => {
  await context?.dispose();
});

describe('R2 under concurrency', () => {
  it('creates exactly one of 10 overlapping contracts sent at once; the others get 409', async () => {
    const { id } = await createProject(context, pm);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        context.call(
          pm,
          'POST',
          '/api/v1/contracts',
          aContractBody(id, { startDate: `2026-0${(i % 9) + 1}-01`, endDate: '2026-12-31' }),
        ),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, ...Array<number>(9).fill(409)]);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.json()).toMatchObject({ code: 'CONTRACT_OVERLAP' });
    }
    const listed = await context.call(pm, 'GET', `/api/v1/contracts?projectId=${id}`);
    expect(listed.json<{ items: unknown[] }>().items).toHaveLength(1);
  });
});

describe('Idempotency-Key on POST /contracts', () => {
  const post = (key: string, body: unknown) =>
    context.call(pm, 'POST', '/api/v1/contracts', body, { 'idempotency-key': key });

  it('answers a replay with the first response, creating nothing more', async () => {
    const { id } = await createProject(context, pm);
    const body = aContractBody(id);
    const first = await post('replay-1', body);
    const again = await post('replay-1', body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const listed = await context.call(pm, 'GET', `/api/v1/contracts?projectId=${id}`);
    expect(listed.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const { id } = await createProject(context, pm);
    expect((await post('reuse-1', aContractBody(id))).statusCode).toBe(201);
    const reused = await post('reuse-1', aContractBody(id, { type: 'EVOLUTIVE' }));
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('replays a refusal too, instead of trying again', async () => {
    const { id } = await createProject(context, pm);
    await post('overlap-0', aContractBody(id));
    const refused = await post('overlap-1', aContractBody(id));
    const replayed = await post('overlap-1', aContractBody(id));
    expect(refused.statusCode).toBe(409);
    expect(replayed.statusCode).toBe(409);
    expect(replayed.json()).toMatchObject({ code: 'CONTRACT_OVERLAP' });
  });

  it('honours the key on POST /projects as well', async () => {
    const body = { name: 'Once only' };
    const headers = { 'idempotency-key': 'project-once' };
    const first = await context.call(pm, 'POST', '/api/v1/projects', body, headers);
    const again = await context.call(pm, 'POST', '/api/v1/projects', body, headers);
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
  });
});
