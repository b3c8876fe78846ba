import { type TestUser } from '@mg/shared-testing';
import { type TicketResponse } from './http/ticket-responses';
import { type StatsResponse } from './http/stats-responses';
import { dayFromToday } from './test-fixtures/fake-contracts';
import { aTicketBody, createTicket, resolveTicket } from './test-fixtures/ticket-scenarios';
import { startTicketsService, type TicketsTestContext } from './test-fixtures/tickets-test-harness';

// Bundling the workflow and creating a database take a while.
jest.setTimeout(90_000);

let context: TicketsTestContext;
let manager: TestUser;
let developer: TestUser;

beforeAll(async () => {
  context = await startTicketsService('tickets_stats');
  manager = context.newUser('PROJECT_MANAGER');
  developer = context.newUser('DEVELOPER');
});

afterAll(async () => {
  await context?.dispose();
});

afterEach(() => context.setClockOffsetHours(0));

const statsOf = async (projectId: string, user = manager): Promise<StatsResponse> => {
  const response = await context.call(user, 'GET', `/api/v1/stats?projectId=${projectId}`);
  expect(response.statusCode).toBe(200);
  return response.json<StatsResponse>();
};

describe('GET /stats?projectId=', () => {
  it('counts the project’s tickets by status and severity, splits free and billable per contract, lists expiring contracts', async () => {
    const project = context.contracts.addProject([manager.id, developer.id]);
    const corrective = context.contracts.addContract(project.id, { endDate: dayFromToday(10) });
    const evolutive = context.contracts.addContract(project.id, {
      type: 'EVOLUTIVE',
      startDate: dayFromToday(-200),
      endDate: dayFromToday(-100),
    });
    const create = (body: Record<string, unknown>) =>
      createTicket(context, manager, aTicketBody(project.id, body));
    const resolved = await create({ contractId: corrective.id, severity: 'MAJOR' });
    await create({ contractId: corrective.id, severity: 'MINOR' });
    await create({ contractId: evolutive.id }); // billable: expired contract (R6)
    await create({});
    await resolveTicket(context, resolved, { manager, developer });
    // Another project's tickets never count.
    const other = context.contracts.addProject([manager.id]);
    await createTicket(context, manager, aTicketBody(other.id));

    const stats = await statsOf(project.id);
    expect(stats).toMatchObject({
      projectId: project.id,
      total: 4,
      byStatus: { OPEN: 3, IN_PROGRESS: 0, RESOLVED: 1, CLOSED: 0, REJECTED: 0 },
      bySeverity: { MINOR: 1, MAJOR: 1, CRITICAL: 2 },
      slaBreached: [],
      byContract: [
        { contractId: corrective.id, type: 'CORRECTIVE', free: 2, billable: 0 },
        { contractId: evolutive.id, type: 'EVOLUTIVE', free: 0, billable: 1 },
        { contractId: null, type: null, free: 0, billable: 1 },
      ],
      expiringContracts: [
        { id: corrective.id, type: 'CORRECTIVE', endDate: corrective.endDate, daysRemaining: 10 },
      ],
    });
    const stored = (
      await context.call(manager, 'GET', `/api/v1/tickets/${resolved.id}`)
    ).json<TicketResponse>();
    const hours = (Date.parse(stored.resolvedAt ?? '') - Date.parse(stored.createdAt)) / 3_600_000;
    expect(stats.meanResolutionHours).toBeCloseTo(hours, 2);
  });

  it('lists the covered tickets whose response deadline passed before the first billet', async () => {
    const project = context.contracts.addProject([manager.id, developer.id]);
    const contract = context.contracts.addContract(project.id, { slaHours: 1 });
    const waiting = await createTicket(
      context,
      manager,
      aTicketBody(project.id, { contractId: contract.id }),
    );
    const answered = await createTicket(
      context,
      manager,
      aTicketBody(project.id, { contractId: contract.id }),
    );
    await resolveTicket(context, answered, { manager, developer });
    expect((await statsOf(project.id)).slaBreached).toEqual([]);
    context.setClockOffsetHours(2);
    expect((await statsOf(project.id)).slaBreached).toEqual([
      { id: waiting.id, number: waiting.number },
    ]);
  });

  it('answers zeroes and no mean for a project without tickets', async () => {
    const project = context.contracts.addProject([manager.id]);
    expect(await statsOf(project.id)).toEqual({
      projectId: project.id,
      total: 0,
      byStatus: { OPEN: 0, IN_PROGRESS: 0, RESOLVED: 0, CLOSED: 0, REJECTED: 0 },
      bySeverity: { MINOR: 0, MAJOR: 0, CRITICAL: 0 },
      slaBreached: [],
      meanResolutionHours: null,
      byContract: [],
      expiringContracts: [],
    });
  });

  it('answers 404 for a project the caller is not a member of', async () => {
    const hidden = context.contracts.addProject([]);
    const response = await context.call(manager, 'GET', `/api/v1/stats?projectId=${hidden.id}`);
    expect(response.statusCode).toBe(404);
  });
});
