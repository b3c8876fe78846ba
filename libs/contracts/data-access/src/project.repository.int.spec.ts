import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
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

beforeAll(async () => {
  database = await createTestDatabase('contracts_projects', CONTRACTS_MIGRATIONS_DIR);
  prisma = createContractsPrismaClient(database.url);
  projects = new ProjectRepository(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

describe('ProjectRepository', () => {
  it('creates a project with its members, in the order they were given', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const created = await projects.create({ name: 'Shop', client: 'ACME', memberIds: [a, b] });
    expect(created).toMatchObject({ name: 'Shop', client: 'ACME' });
    expect(new Set(created.memberIds)).toEqual(new Set([a, b]));
    expect(await projects.findById(created.id)).toEqual(created);
  });

  it('adds and removes one member, saying whether anything changed', async () => {
    const user = randomUUID();
    const project = await projects.create({ name: 'Members', client: null, memberIds: [] });
    expect(await projects.addMember(project.id, user)).toBe(true);
    expect(await projects.addMember(project.id, user)).toBe(false);
    expect((await projects.findById(project.id))?.memberIds).toEqual([user]);
    expect(await projects.removeMember(project.id, user)).toBe(true);
    expect(await projects.removeMember(project.id, user)).toBe(false);
    expect((await projects.findById(project.id))?.memberIds).toEqual([]);
  });

  it('replaces the member list on update, keeping members who stay', async () => {
    const [kept, dropped, added] = [randomUUID(), randomUUID(), randomUUID()];
    const project = await projects.create({
      name: 'Replace',
      client: 'ACME',
      memberIds: [kept, dropped],
    });
    const updated = await projects.update(project.id, { memberIds: [kept, added], client: null });
    expect(updated.client).toBeNull();
    expect(new Set(updated.memberIds)).toEqual(new Set([kept, added]));
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(project.updatedAt.getTime());
  });

  it('lists only the projects a member belongs to when asked', async () => {
    const member = randomUUID();
    const mine = await projects.create({ name: 'Mine', client: null, memberIds: [member] });
    await projects.create({ name: 'Theirs', client: null, memberIds: [randomUUID()] });
    const listed = await projects.list({ limit: 100, memberId: member });
    expect(listed.map((project) => project.id)).toEqual([mine.id]);
    expect(await projects.findIdsByMember(member)).toEqual([mine.id]);
  });

  it('answers null for a project that does not exist, locked or not', async () => {
    expect(await projects.findById(randomUUID())).toBeNull();
    expect(
      await prisma.$transaction((tx) => new ProjectRepository(tx).findByIdForUpdate(randomUUID())),
    ).toBeNull();
  });
});
