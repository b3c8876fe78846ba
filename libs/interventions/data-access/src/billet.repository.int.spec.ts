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
  id: randomUUID(),
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
    const { entity: created, created: wasCreated } = await billets.create(input);
    expect(wasCreated).toBe(true);
    expect(created).toEqual({ ...input, number: 'BILLET-00001' });
    expect(await billets.findById(created.id)).toEqual(created);
    expect(await billets.findById(randomUUID())).toBeNull();
  });

  it('is idempotent on the id: a second create answers the stored billet and takes no number', async () => {
    const input = aBillet();
    const first = await billets.create(input);
    const again = await billets.create({ ...input, estimatedHours: 9, type: 'ANALYSIS' });
    expect(again).toEqual({ entity: first.entity, created: false });
    expect((await billets.create(aBillet())).entity.number).toBe('BILLET-00002');
    expect(await committedNumbers()).toEqual(['BILLET-00001', 'BILLET-00002']);
  });

  it('writes one billet when ten creates of the same id race', async () => {
    const input = aBillet();
    const results = await Promise.all(Array.from({ length: 10 }, () => billets.create(input)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.entity.number))).toEqual(
      new Set(['BILLET-00001']),
    );
    expect(await committedNumbers()).toEqual(['BILLET-00001']);
  });

  it("lists a ticket's billets in issue order, page by page", async () => {
    const ticketId = randomUUID();
    const issued = [];
    for (let minute = 0; minute < 5; minute++) {
      const issuedAt = new Date(Date.UTC(2026, 10, 25, 9, minute));
      issued.push((await billets.create(aBillet({ ticketId, issuedAt }))).entity);
    }
    await billets.create(aBillet());
    const firstPage = await billets.listByTicket(ticketId, { limit: 2 });
    expect(firstPage).toEqual(issued.slice(0, 3));
    const last = issued[1];
    if (!last) throw new Error('no billet');
    const secondPage = await billets.listByTicket(ticketId, {
      limit: 2,
      after: { createdAt: last.issuedAt, id: last.id },
    });
    expect(secondPage).toEqual(issued.slice(2, 5));
  });

  it('R13: 50 concurrent issues get BILLET-00001..BILLET-00050, no gap, increasing with sequence', async () => {
    const created = (
      await Promise.all(Array.from({ length: 50 }, () => billets.create(aBillet())))
    ).map((result) => result.entity);
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
        expect((await unit.billets.create(aBillet())).entity.number).toBe('BILLET-00002');
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    await transactions.run((unit) => unit.billets.create(aBillet()));
    expect(await committedNumbers()).toEqual(['BILLET-00001', 'BILLET-00002']);
  });

  it('R13: the width grows past 99999', async () => {
    await prisma.$executeRaw`UPDATE number_sequences SET last_value = 99999 WHERE name = 'billet'`;
    expect((await billets.create(aBillet())).entity.number).toBe('BILLET-100000');
  });

  it('R13: the database refuses estimated hours that are not positive', async () => {
    await expect(billets.create(aBillet({ estimatedHours: 0 }))).rejects.toThrow();
    expect(await committedNumbers()).toEqual([]);
  });
});
