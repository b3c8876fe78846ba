import { randomUUID } from 'node:crypto';
import { DomainError } from '@mg/shared-kernel';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { openTicket, type TicketContract } from '@mg/tickets-domain';
import { TicketRepository } from './ticket.repository';
import {
  createTicketsPrismaClient,
  TICKETS_MIGRATIONS_DIR,
  type TicketsPrismaClient,
} from './tickets-database';
import { TicketsTransactions } from './tickets-transactions';

jest.setTimeout(60_000);

let database: TestDatabase;
let prisma: TicketsPrismaClient;
let tickets: TicketRepository;
let transactions: TicketsTransactions;

beforeAll(async () => {
  database = await createTestDatabase('tickets_repository', TICKETS_MIGRATIONS_DIR);
  prisma = createTicketsPrismaClient(database.url, { poolSize: 12 });
  tickets = new TicketRepository(prisma);
  transactions = new TicketsTransactions(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE tickets CASCADE`;
  await prisma.$executeRaw`UPDATE number_sequences SET last_value = 0 WHERE name = 'ticket'`;
});

const PROJECT_ID = randomUUID();
const CREATOR = { id: randomUUID(), role: 'SUPPORT' } as const;
const NOW = new Date('2026-11-25T09:00:00.000Z');

const opener =
  (contract: TicketContract | null = null) =>
  (sequence: number) =>
    openTicket({
      id: randomUUID(),
      sequence,
      createdById: randomUUID(),
      input: {
        projectId: PROJECT_ID,
        contractId: contract?.id ?? null,
        title: 'Checkout fails',
        description: 'Payment page answers 500',
        severity: 'CRITICAL',
        origin: 'CLIENT',
      },
      contract,
      now: NOW,
    });

const committedNumbers = async () =>
  (await prisma.ticket.findMany({ orderBy: { sequence: 'asc' }, select: { number: true } })).map(
    (row) => row.number,
  );

describe('TicketRepository', () => {
  it('stores the ticket the domain opened and reads it back unchanged', async () => {
    const contract: TicketContract = {
      id: randomUUID(),
      projectId: PROJECT_ID,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      slaHours: 4,
      resolutionHours: 24,
    };
    const created = await tickets.create(opener(contract), CREATOR);
    const { escalations: _unstored, ...expected } = opener(contract)(1);
    expect(created).toEqual({ ...expected, id: created.id, createdById: created.createdById });
    expect(created.number).toBe('MAINT-00001');
    expect(created.billable).toBe(false);
    expect(created.slaDeadline).toEqual(new Date('2026-11-25T13:00:00.000Z'));
    expect(await tickets.findById(created.id)).toEqual(created);
    expect(await tickets.findById(randomUUID())).toBeNull();
  });

  it('writes the ticket.created history entry in the creation transaction', async () => {
    const created = await tickets.create(opener(), CREATOR);
    expect(await tickets.history(created.id)).toEqual([
      {
        id: expect.any(String),
        ticketId: created.id,
        kind: 'ticket.created',
        actor: CREATOR,
        occurredAt: NOW,
        reason: null,
        statusAfter: 'OPEN',
        details: {
          number: 'MAINT-00001',
          billable: true,
          contractId: null,
          rejectionReason: null,
        },
      },
    ]);
    await expect(
      transactions.run(async (unit) => {
        await unit.tickets.create(opener(), CREATOR);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const [{ count }] = await prisma.$queryRaw<[{ count: number }]>`
      SELECT count(*)::int AS count FROM ticket_history`;
    expect(count).toBe(1);
  });

  it('R5: 50 concurrent creations get MAINT-00001..MAINT-00050, no gap, increasing with sequence', async () => {
    const created = await Promise.all(
      Array.from({ length: 50 }, () => tickets.create(opener(), CREATOR)),
    );
    const expected = Array.from(
      { length: 50 },
      (_, i) => `MAINT-${String(i + 1).padStart(5, '0')}`,
    );
    expect(created.map((ticket) => ticket.number).sort()).toEqual(expected);
    expect(await committedNumbers()).toEqual(expected);
  });

  it('R5: a creation that rolls back gives its number back', async () => {
    await tickets.create(opener(), CREATOR);
    const refusal = new DomainError('VALIDATION_FAILED', 'refused after the number was taken');
    await expect(
      transactions.run(async (unit) => {
        const ticket = await unit.tickets.create(opener(), CREATOR);
        expect(ticket.number).toBe('MAINT-00002');
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    await tickets.create(opener(), CREATOR);
    expect(await committedNumbers()).toEqual(['MAINT-00001', 'MAINT-00002']);
  });

  it('R5: the width grows past 99999', async () => {
    await prisma.$executeRaw`UPDATE number_sequences SET last_value = 99999 WHERE name = 'ticket'`;
    const created = await transactions.run((unit) => unit.tickets.create(opener(), CREATOR));
    expect(created.number).toBe('MAINT-100000');
    expect((await tickets.create(opener(), CREATOR)).number).toBe('MAINT-100001');
  });

  it('refuses a ticket not numbered from the sequence value it was given', async () => {
    await expect(tickets.create((sequence) => opener()(sequence + 1), CREATOR)).rejects.toThrow(
      /not numbered/,
    );
    expect(await committedNumbers()).toEqual([]);
  });
});
