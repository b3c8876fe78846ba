import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { openTicket, type TicketLifecycleState } from '@mg/tickets-domain';
import { type TicketStep } from './ticket-history-rows';
import { type StoredTicket } from './ticket-rows';
import { TicketRepository } from './ticket.repository';
import {
  createTicketsPrismaClient,
  TICKETS_MIGRATIONS_DIR,
  type TicketsPrismaClient,
} from './tickets-database';

jest.setTimeout(60_000);

let database: TestDatabase;
let prisma: TicketsPrismaClient;
let tickets: TicketRepository;

beforeAll(async () => {
  database = await createTestDatabase('tickets_steps', TICKETS_MIGRATIONS_DIR);
  prisma = createTicketsPrismaClient(database.url, { poolSize: 6 });
  tickets = new TicketRepository(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const MANAGER = { id: randomUUID(), role: 'PROJECT_MANAGER' } as const;
let clock = Date.parse('2026-11-25T09:00:00.000Z');

/** A ticket created a second after the previous one, so list order is creation order. */
const createTicket = (projectId: string, overrides: { billable?: boolean } = {}) =>
  tickets.create((sequence) => {
    const ticket = openTicket({
      id: randomUUID(),
      sequence,
      createdById: MANAGER.id,
      input: {
        projectId,
        title: 'Checkout fails',
        description: 'Payment page answers 500',
        severity: sequence % 2 === 0 ? 'MINOR' : 'CRITICAL',
        origin: 'CLIENT',
      },
      contract: null,
      now: new Date((clock += 1_000)),
    });
    const { escalations: _notStored, ...stored } = ticket;
    return { ...stored, billable: overrides.billable ?? stored.billable };
  }, MANAGER);

const stepOf = (
  ticket: StoredTicket,
  lifecycle: Partial<TicketLifecycleState>,
  overrides: Partial<TicketStep> = {},
): TicketStep => ({
  id: randomUUID(),
  ticketId: ticket.id,
  kind: 'billet.issued',
  actor: MANAGER,
  occurredAt: new Date('2026-11-25T10:00:00.000Z'),
  reason: null,
  details: { billetId: randomUUID(), billetNumber: 'BILLET-00001' },
  lifecycle: { ...ticket, ...lifecycle },
  ...overrides,
});

describe('TicketRepository.applyStep', () => {
  it('appends the step and mirrors the lifecycle onto the ticket', async () => {
    const ticket = await createTicket(randomUUID());
    const developerId = randomUUID();
    const firstBilletAt = new Date('2026-11-25T10:00:00.000Z');
    const outcome = await tickets.applyStep(
      stepOf(ticket, { status: 'IN_PROGRESS', assigneeId: developerId, firstBilletAt }),
    );
    expect(outcome).toEqual({
      applied: true,
      before: ticket,
      after: { ...ticket, status: 'IN_PROGRESS', assigneeId: developerId, firstBilletAt },
    });
    expect(await tickets.findById(ticket.id)).toEqual(outcome.applied && outcome.after);
  });

  it('changes nothing when the same step id comes again (a retried activity), even concurrently', async () => {
    const ticket = await createTicket(randomUUID());
    const step = stepOf(
      ticket,
      { status: 'REJECTED', rejectedAt: new Date(), rejectionReason: 'Duplicate' },
      {
        kind: 'ticket.rejected',
        reason: 'Duplicate',
      },
    );
    const outcomes = await Promise.all([tickets.applyStep(step), tickets.applyStep(step)]);
    expect(outcomes.map((outcome) => outcome.applied).sort()).toEqual([false, true]);
    // A retry carrying another lifecycle still changes nothing: the step id decides.
    expect(
      await tickets.applyStep({ ...step, lifecycle: { ...step.lifecycle, status: 'OPEN' } }),
    ).toEqual({
      applied: false,
    });
    expect((await tickets.findById(ticket.id))?.status).toBe('REJECTED');
    expect((await tickets.history(ticket.id)).map((entry) => entry.kind)).toEqual([
      'ticket.created',
      'ticket.rejected',
    ]);
  });

  it('refuses a step of an unknown ticket with NOT_FOUND', async () => {
    const ticket = await createTicket(randomUUID());
    await expect(
      tickets.applyStep({ ...stepOf(ticket, {}), ticketId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reads the history back in the order it was written, whatever the step times say', async () => {
    const ticket = await createTicket(randomUUID());
    const later = new Date('2026-11-25T12:00:00.000Z');
    const earlier = new Date('2026-11-25T11:00:00.000Z');
    await tickets.applyStep(stepOf(ticket, { status: 'IN_PROGRESS' }, { occurredAt: later }));
    await tickets.applyStep(
      stepOf(
        ticket,
        { status: 'IN_PROGRESS' },
        { kind: 'intervention.recorded', occurredAt: earlier },
      ),
    );
    const history = await tickets.history(ticket.id);
    expect(history.map((entry) => [entry.kind, entry.statusAfter, entry.occurredAt])).toEqual([
      ['ticket.created', 'OPEN', ticket.createdAt],
      ['billet.issued', 'IN_PROGRESS', later],
      ['intervention.recorded', 'IN_PROGRESS', earlier],
    ]);
    expect(history[1]).toMatchObject({ actor: MANAGER, details: { billetNumber: 'BILLET-00001' } });
  });
});

describe('TicketRepository.list', () => {
  it('pages in creation order and filters by projects, status, severity and billable', async () => {
    const [mine, other] = [randomUUID(), randomUUID()];
    const created = [
      await createTicket(mine),
      await createTicket(mine, { billable: false }),
      await createTicket(other),
      await createTicket(mine),
    ];
    await tickets.applyStep(stepOf(created[3] as StoredTicket, { status: 'IN_PROGRESS' }));
    const ids = (rows: StoredTicket[]) => rows.map((row) => row.id);
    const [first, second, , fourth] = created.map((ticket) => ticket.id);

    const page = await tickets.list({ limit: 2, projectIds: [mine] });
    expect(ids(page)).toEqual([first, second, fourth]);
    const last = page[1] as StoredTicket;
    expect(
      ids(
        await tickets.list({
          limit: 2,
          projectIds: [mine],
          after: { createdAt: last.createdAt, id: last.id },
        }),
      ),
    ).toEqual([fourth]);
    expect(
      ids(await tickets.list({ limit: 10, projectIds: [mine], status: 'IN_PROGRESS' })),
    ).toEqual([fourth]);
    expect(ids(await tickets.list({ limit: 10, projectIds: [mine], billable: false }))).toEqual([
      second,
    ]);
    const severities = (
      await tickets.list({ limit: 10, projectIds: [mine, other], severity: 'MINOR' })
    ).map((row) => row.severity);
    expect(new Set(severities)).toEqual(new Set(['MINOR']));
    expect(await tickets.list({ limit: 10, projectIds: [] })).toEqual([]);
    expect((await tickets.list({ limit: 100 })).length).toBeGreaterThanOrEqual(4);
  });

  it('gives the indicators every ticket of one project', async () => {
    const project = randomUUID();
    const ticket = await createTicket(project);
    await createTicket(randomUUID());
    expect(await tickets.findStatsTickets(project)).toEqual([
      {
        id: ticket.id,
        number: ticket.number,
        status: 'OPEN',
        severity: ticket.severity,
        contractId: null,
        billable: true,
        createdAt: ticket.createdAt,
        resolvedAt: null,
        slaDeadline: null,
        firstBilletAt: null,
        rejectedAt: null,
      },
    ]);
  });
});
