import { randomUUID } from 'node:crypto';
import { type DomainError } from '@mg/shared-kernel';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { ContractRepository, type NewContract } from './contract.repository';
import {
  CONTRACTS_MIGRATIONS_DIR,
  createContractsPrismaClient,
  type ContractsPrismaClient,
} from './contracts-database';
import { ProjectRepository } from './project.repository';

jest.setTimeout(30_000);

let database: TestDatabase;
let prisma: ContractsPrismaClient;
let projects: ProjectRepository;
let contracts: ContractRepository;

beforeAll(async () => {
  database = await createTestDatabase('contracts_repository', CONTRACTS_MIGRATIONS_DIR);
  prisma = createContractsPrismaClient(database.url, { poolSize: 12 });
  projects = new ProjectRepository(prisma);
  contracts = new ContractRepository(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const newProject = () => projects.create({ name: 'Shop', client: null, memberIds: [] });

const terms = (projectId: string, overrides: Partial<NewContract> = {}): NewContract => ({
  projectId,
  type: 'CORRECTIVE',
  startDate: '2026-01-01',
  endDate: '2026-06-30',
  slaHours: 24,
  resolutionHours: null,
  coverage: 'Blocking bugs',
  exclusions: null,
  ...overrides,
});

const codeOf = (error: unknown) => (error as DomainError).code;

describe('ContractRepository', () => {
  it('stores calendar days and decimal hours exactly as given', async () => {
    const project = await newProject();
    const created = await contracts.create(
      terms(project.id, { startDate: '2026-12-31', endDate: '2027-01-01', slaHours: 0.25 }),
    );
    expect(await contracts.findById(created.id)).toMatchObject({
      startDate: '2026-12-31',
      endDate: '2027-01-01',
      slaHours: 0.25,
      resolutionHours: null,
    });
  });

  it('R2: the database refuses an overlapping contract of the same type with CONTRACT_OVERLAP', async () => {
    const project = await newProject();
    await contracts.create(terms(project.id));
    const error = await contracts
      .create(terms(project.id, { startDate: '2026-06-30', endDate: '2026-12-31' }))
      .catch((caught: unknown) => caught);
    expect(codeOf(error)).toBe('CONTRACT_OVERLAP');
    await expect(
      contracts.create(terms(project.id, { startDate: '2026-07-01', endDate: '2026-12-31' })),
    ).resolves.toBeDefined();
    await expect(contracts.create(terms(project.id, { type: 'EVOLUTIVE' }))).resolves.toBeDefined();
  });

  it('R2: lets exactly one of ten concurrent overlapping transactions commit', async () => {
    const project = await newProject();
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        prisma.$transaction((tx) =>
          new ContractRepository(tx).create(
            terms(project.id, { startDate: `2026-0${(i % 5) + 1}-01`, endDate: '2026-09-30' }),
          ),
        ),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') expect(codeOf(attempt.reason)).toBe('CONTRACT_OVERLAP');
    }
    expect(await contracts.findByProject(project.id)).toHaveLength(1);
  });

  it('R2: refuses an update that makes a contract overlap another', async () => {
    const project = await newProject();
    await contracts.create(terms(project.id));
    const second = await contracts.create(
      terms(project.id, { startDate: '2026-07-01', endDate: '2026-12-31' }),
    );
    const error = await contracts
      .update(second.id, { ...second, startDate: '2026-06-15' })
      .catch((caught: unknown) => caught);
    expect(codeOf(error)).toBe('CONTRACT_OVERLAP');
  });

  it('filters by project, type, activity on a day and membership', async () => {
    const member = randomUUID();
    const mine = await projects.create({ name: 'Mine', client: null, memberIds: [member] });
    const other = await newProject();
    const current = await contracts.create(terms(mine.id));
    const past = await contracts.create(
      terms(mine.id, { type: 'EVOLUTIVE', startDate: '2025-01-01', endDate: '2025-06-30' }),
    );
    await contracts.create(terms(other.id));
    const ids = async (query: Parameters<ContractRepository['list']>[0]) =>
      (await contracts.list(query)).map((contract) => contract.id);

    expect(await ids({ limit: 10, memberId: member })).toEqual([current.id, past.id]);
    expect(await ids({ limit: 10, projectId: mine.id, type: 'EVOLUTIVE' })).toEqual([past.id]);
    const onTheLastDay = { today: '2026-06-30' };
    expect(
      await ids({ limit: 10, memberId: member, active: { value: true, ...onTheLastDay } }),
    ).toEqual([current.id]);
    expect(
      await ids({ limit: 10, memberId: member, active: { value: false, ...onTheLastDay } }),
    ).toEqual([past.id]);
    expect(
      await ids({ limit: 10, memberId: member, active: { value: true, today: '2026-07-01' } }),
    ).toEqual([]);
  });

  it('pages in creation order, one extra row telling that more follow', async () => {
    const project = await newProject();
    const first = await contracts.create(terms(project.id));
    const second = await contracts.create(terms(project.id, { type: 'EVOLUTIVE' }));
    const page = await contracts.list({ limit: 1, projectId: project.id });
    expect(page.map((contract) => contract.id)).toEqual([first.id, second.id]);
    const next = await contracts.list({ limit: 1, projectId: project.id, after: first });
    expect(next.map((contract) => contract.id)).toEqual([second.id]);
  });
});
