import { randomUUID } from 'node:crypto';
import { DomainError } from '@mg/shared-kernel';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { BilletRepository, type NewBillet } from './billet.repository';
import {
  createInterventionsPrismaClient,
  INTERVENTIONS_MIGRATIONS_DIR,
  type InterventionsPrismaClient,
} from './interventions-database';
import { InterventionsTransactions } from './interventions-transactions';

jest.setTimeout(60_000);

let database: TestDatabase;
let prisma: InterventionsPrismaClient;
let billets: BilletRepository;
let transactions: InterventionsTransactions;

beforeAll(async () => {
  database = await createTestDatabase('billets_repository', INTERVENTIONS_MIGRATIONS_DIR);
  prisma = createInterventionsPrismaClient(database.url, { poolSize: 12 });
  billets = new BilletRepository(prisma);
  transactions = new InterventionsTransactions(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE billets CASCADE`;
  await prisma.$executeRaw`UPDATE number_sequences SET last_value = 0 WHERE name = 'billet'`;
});

const aBillet = (overrides: Partial<NewBillet> = {}): NewBillet => ({
  ticketId: randomUUID(),
  projectId: randomUUID(),
  developerId: randomUUID(),
  type: 'FIX',
  estimatedHours: 1.25,
  instructions: null,
  issuedById: randomUUID(),
  issuedAt: new Date('2026-11-25T09:00:00.000Z'),
  ...overrides,
});

const committedNumbers = async () =>
  (await prisma.billet.findMany({ orderBy: { sequence: 'asc' }, select: { number: true } })).map(
    (row) => row.number,
  );

describe('BilletRepository', () => {
  it('stores the billet and reads it back with decimal hours exact', async () => {
    const input = aBillet({ instructions: 'Reproduce on staging first' });
    const created = await billets.create(input);
    expect(created).toEqual({ ...input, id: created.id, number: 'BILLET-00001' });
    expect(await billets.findById(created.id)).toEqual(created);
    expect(await billets.findById(randomUUID())).toBeNull();
  });

  it('R13: 50 concurrent issues get BILLET-00001..BILLET-00050, no gap, increasing with sequence', async () => {
    const created = await Promise.all(Array.from({ length: 50 }, () => billets.create(aBillet())));
    const expected = Array.from(
      { length: 50 },
      (_, i) => `BILLET-${String(i + 1).padStart(5, '0')}`,
    );
    expect(created.map((billet) => billet.number).sort()).toEqual(expected);
    expect(await committedNumbers()).toEqual(expected);
  });

  it('R13: an issue that rolls back gives its number back', async () => {
    await billets.create(aBillet());
    const refusal = new DomainError('TICKET_NOT_PROCESSABLE', 'refused after the number was taken');
    await expect(
      transactions.run(async (unit) => {
        expect((await unit.billets.create(aBillet())).number).toBe('BILLET-00002');
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    await transactions.run((unit) => unit.billets.create(aBillet()));
    expect(await committedNumbers()).toEqual(['BILLET-00001', 'BILLET-00002']);
  });

  it('R13: the width grows past 99999', async () => {
    await prisma.$executeRaw`UPDATE number_sequences SET last_value = 99999 WHERE name = 'billet'`;
    expect((await billets.create(aBillet())).number).toBe('BILLET-100000');
  });

  it('R13: the database refuses estimated hours that are not positive', async () => {
    await expect(billets.create(aBillet({ estimatedHours: 0 }))).rejects.toThrow();
    expect(await committedNumbers()).toEqual([]);
  });
});
