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
  context = await startContractsService('contracts_rules');
  pm = await context.newUser('PROJECT_MANAGER');
});

afterAll(async () => {
  await context?.dispose();
});

const createContract = (body: Record<string, unknown>) =>
  context.call(pm, 'POST', '/api/v1/contracts', body);

const pathsOf = (response: { json: () => unknown }) =>
  ((response.json() as { errors?: { path: string }[] }).errors ?? []).map((error) => error.path);

const expectValidationFailed = (response: Awaited<ReturnType<typeof createContract>>) => {
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
};

describe('R1 endDate after startDate', () => {
  it('refuses an endDate before or equal to the startDate with the endDate path', async () => {
    const { id } = await createProject(context, pm);
    for (const endDate of ['2025-12-31', '2026-01-01']) {
      const response = await createContract(aContractBody(id, { endDate }));
      expectValidationFailed(response);
      expect(pathsOf(response)).toEqual(['endDate']);
    }
  });

  it('refuses a PATCH moving endDate before the stored startDate', async () => {
    const { id } = await createProject(context, pm);
    const created = (await createContract(aContractBody(id))).json<{ id: string }>();
    const response = await context.call(pm, 'PATCH', `/api/v1/contracts/${created.id}`, {
      endDate: '2025-06-30',
    });
    expectValidationFailed(response);
    expect(pathsOf(response)).toEqual(['endDate']);
  });

  it('refuses dates that are not real calendar days', async () => {
    const { id } = await createProject(context, pm);
    const response = await createContract(aContractBody(id, { startDate: '2026-02-30' }));
    expectValidationFailed(response);
    expect(pathsOf(response)).toEqual(['startDate']);
  });
});

describe('R2 no overlapping contracts of the same type on a project', () => {
  it('answers 409 CONTRACT_OVERLAP for a contract starting on the day another ends', async () => {
    const { id } = await createProject(context, pm);
    expect((await createContract(aContractBody(id, { endDate: '2026-06-30' }))).statusCode).toBe(
      201,
    );
    const response = await createContract(
      aContractBody(id, { startDate: '2026-06-30', endDate: '2026-12-31' }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'CONTRACT_OVERLAP' });
  });

  it('accepts the next day, the other type, and the same days on another project', async () => {
    const { id } = await createProject(context, pm);
    const other = await createProject(context, pm);
    await createContract(aContractBody(id, { endDate: '2026-06-30' }));
    for (const body of [
      aContractBody(id, { startDate: '2026-07-01' }),
      aContractBody(id, { type: 'EVOLUTIVE' }),
      aContractBody(other.id),
    ]) {
      expect((await createContract(body)).statusCode).toBe(201);
    }
  });

  it('answers 409 when a PATCH makes a contract overlap another of its type', async () => {
    const { id } = await createProject(context, pm);
    await createContract(aContractBody(id, { endDate: '2026-06-30' }));
    const evolutive = (await createContract(aContractBody(id, { type: 'EVOLUTIVE' }))).json<{
      id: string;
    }>();
    const response = await context.call(pm, 'PATCH', `/api/v1/contracts/${evolutive.id}`, {
      type: 'CORRECTIVE',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'CONTRACT_OVERLAP' });
  });
});

describe('R3 active and daysRemaining, in the business time zone', () => {
  const contractOn = async (
    now: string,
    dates = { startDate: '2026-01-01', endDate: '2026-06-30' },
  ) => {
    const { id } = await createProject(context, pm);
    const { id: contractId } = (await createContract(aContractBody(id, dates))).json<{
      id: string;
    }>();
    context.setNow(now);
    return (await context.call(pm, 'GET', `/api/v1/contracts/${contractId}`)).json<{
      active: boolean;
      daysRemaining: number;
    }>();
  };

  afterEach(() => context.setNow('2026-03-15T10:00:00Z'));

  it.each([
    ['the day before the start', '2025-12-31T23:59:59Z', false, 181],
    ['the start day', '2026-01-01T00:00:00Z', true, 180],
    ['the day before the end', '2026-06-29T12:00:00Z', true, 1],
    ['the end day, until its last second', '2026-06-30T23:59:59Z', true, 0],
    ['the day after the end', '2026-07-01T00:00:00Z', false, 0],
    ['long after the end', '2027-03-01T00:00:00Z', false, 0],
  ])('on %s (%s): active %s, %s days remaining', async (_day, now, active, daysRemaining) => {
    expect(await contractOn(now)).toMatchObject({ active, daysRemaining });
  });

  it('counts 355 days for a contract from 10 days ago to 355 days ahead', async () => {
    context.setNow('2026-03-15T10:00:00Z');
    const { id } = await createProject(context, pm);
    const response = await createContract(
      aContractBody(id, { startDate: '2026-03-05', endDate: '2027-03-05' }),
    );
    expect(response.json()).toMatchObject({ active: true, daysRemaining: 355 });
  });

  it('lists only active, or only inactive, contracts on the business day', async () => {
    const { id } = await createProject(context, pm);
    const current = (await createContract(aContractBody(id))).json<{ id: string }>();
    const past = (
      await createContract(
        aContractBody(id, { type: 'EVOLUTIVE', startDate: '2025-01-01', endDate: '2025-12-31' }),
      )
    ).json<{ id: string }>();
    const ids = async (active: string) =>
      (await context.call(pm, 'GET', `/api/v1/contracts?projectId=${id}&active=${active}`))
        .json<{ items: { id: string }[] }>()
        .items.map((contract) => contract.id);
    expect(await ids('true')).toEqual([current.id]);
    expect(await ids('false')).toEqual([past.id]);
  });
});

describe('R4 slaHours > 0, resolutionHours > slaHours', () => {
  it.each([[0], [-1], ['24']])('refuses slaHours %p with the slaHours path', async (slaHours) => {
    const { id } = await createProject(context, pm);
    const response = await createContract(aContractBody(id, { slaHours }));
    expectValidationFailed(response);
    expect(pathsOf(response)).toEqual(['slaHours']);
  });

  it('accepts decimal hours such as 0.5 and gives them back exactly', async () => {
    const { id } = await createProject(context, pm);
    const response = await createContract(
      aContractBody(id, { slaHours: 0.5, resolutionHours: 4.25 }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ slaHours: 0.5, resolutionHours: 4.25 });
  });

  it('refuses resolutionHours not above slaHours, also when a PATCH raises slaHours', async () => {
    const { id } = await createProject(context, pm);
    const refused = await createContract(aContractBody(id, { resolutionHours: 24 }));
    expectValidationFailed(refused);
    expect(pathsOf(refused)).toEqual(['resolutionHours']);

    const created = (await createContract(aContractBody(id, { resolutionHours: 48 }))).json<{
      id: string;
    }>();
    const patched = await context.call(pm, 'PATCH', `/api/v1/contracts/${created.id}`, {
      slaHours: 72,
    });
    expectValidationFailed(patched);
    expect(pathsOf(patched)).toEqual(['resolutionHours']);
  });
});

describe('mass assignment', () => {
  it.each([['id'], ['active'], ['daysRemaining'], ['createdAt'], ['updatedAt'], ['billable']])(
    'refuses a contract body carrying %s with 400',
    async (field) => {
      const { id } = await createProject(context, pm);
      const response = await createContract(aContractBody(id, { [field]: 'x' }));
      expectValidationFailed(response);
    },
  );

  it.each([['id'], ['projectId'], ['active'], ['createdAt']])(
    'refuses a contract PATCH carrying %s with 400',
    async (field) => {
      const { id } = await createProject(context, pm);
      const created = (await createContract(aContractBody(id))).json<{ id: string }>();
      const response = await context.call(pm, 'PATCH', `/api/v1/contracts/${created.id}`, {
        [field]: id,
      });
      expectValidationFailed(response);
    },
  );

  it.each([['id'], ['createdAt'], ['members']])(
    'refuses a project body carrying %s with 400',
    async (field) => {
      const response = await context.call(pm, 'POST', '/api/v1/projects', {
        name: 'Shop',
        [field]: 'x',
      });
      expectValidationFailed(response);
    },
  );
});

describe('R3 in a business time zone other than UTC', () => {
  let paris: ContractsTestContext;

  beforeAll(async () => {
    paris = await startContractsService('contracts_paris', {
      env: { BUSINESS_TIME_ZONE: 'Europe/Paris' },
      now: '2026-06-30T12:00:00Z',
    });
  });

  afterAll(async () => {
    await paris?.dispose();
  });

  it('ends a contract at midnight in Paris, while it is still the end day in UTC', async () => {
    const manager = await paris.newUser('PROJECT_MANAGER');
    const { id } = await createProject(paris, manager);
    const created = await paris.call(
      manager,
      'POST',
      '/api/v1/contracts',
      aContractBody(id, { endDate: '2026-06-30' }),
    );
    expect(created.json()).toMatchObject({ active: true, daysRemaining: 0 });
    paris.setNow('2026-06-30T22:30:00Z');
    const url = `/api/v1/contracts/${created.json<{ id: string }>().id}`;
    expect((await paris.call(manager, 'GET', url)).json()).toMatchObject({
      active: false,
      daysRemaining: 0,
    });
  });
});
