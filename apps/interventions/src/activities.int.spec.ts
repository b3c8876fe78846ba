import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { EventCollector } from '@mg/shared-messaging/testing';
import { ActivityWorker } from '@mg/shared-temporal';
import { eventually, TEST_NATS_SERVERS } from '@mg/shared-testing';
import { type InterventionsActivities, type StepContext } from '@mg/ticket-lifecycle-workflow';
import {
  type InterventionsTestContext,
  startInterventionsService,
} from './test-fixtures/interventions-test-harness';

// A throw-away database, the workflow bundle and three workers come first; events take a moment.
jest.setTimeout(90_000);

let context: InterventionsTestContext;
let collector: EventCollector;
let activities: InterventionsActivities;

beforeAll(async () => {
  collector = await EventCollector.start({ servers: TEST_NATS_SERVERS });
  context = await startInterventionsService('interventions_activities');
  // As the service's activity worker registers them, refusals made final.
  activities = context.app.get<ActivityWorker<InterventionsActivities>>(ActivityWorker).activities;
});

afterAll(async () => {
  await context?.dispose();
  await collector?.stop();
});

const manager = { id: randomUUID(), role: 'PROJECT_MANAGER' } as const;
const developer = { id: randomUUID(), role: 'DEVELOPER' } as const;

/** A step as the workflow would hand it over: its ticket, actor, time and request. */
const stepOf = (
  ticketId: string,
  projectId: string,
  actor: StepContext['actor'],
  minute: number,
) => ({
  ticketId,
  projectId,
  actor,
  occurredAt: new Date(Date.UTC(2026, 10, 25, 9, minute)).toISOString(),
  requestId: `request-${minute}`,
});

const count = async (sql: string, ...values: unknown[]) =>
  (await context.database.query<{ n: number }>(sql, values)).rows[0]?.n;

/** Rows, audit rows and outbox events written for one entity. */
const writtenFor = async (table: string, id: string) => ({
  rows: await count(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, id),
  audit: await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, id),
});

const eventsOf = async (ticketId: string) =>
  (
    await context.database.query<{ type: string }>(
      `SELECT envelope->>'type' AS type FROM outbox_events WHERE envelope->>'ticketId' = $1
       ORDER BY created_at, envelope->>'type'`,
      [ticketId],
    )
  ).rows.map((row) => row.type);

/** Runs an activity twice with the same input, the second time while the first is in flight too. */
async function twice<Input, Output>(run: (input: Input) => Promise<Output>, input: Input) {
  const [first, concurrent] = await Promise.all([run(input), run(input)]);
  const again = await run(input);
  expect(concurrent).toEqual(first);
  expect(again).toEqual(first);
  return first;
}

describe('the interventions activities, each run twice with the same input', () => {
  it('write one row, one audit row and one event per step, and answer the same each time', async () => {
    const ticketId = randomUUID();
    const projectId = randomUUID();
    const billetId = randomUUID();
    const interventionId = randomUUID();
    const reportId = randomUUID();

    const issued = await twice(activities.issueBillet, {
      ...stepOf(ticketId, projectId, manager, 0),
      billetId,
      developerId: developer.id,
      type: 'FIX',
      estimatedHours: 1,
      instructions: null,
    });
    expect(issued).toEqual({ billetId, number: expect.stringMatching(/^BILLET-\d{5}$/) });
    expect(await writtenFor('billets', billetId)).toEqual({ rows: 1, audit: 1 });

    const recorded = await twice(activities.recordIntervention, {
      ...stepOf(ticketId, projectId, developer, 1),
      interventionId,
      billetId,
      actions: 'Rotated the key',
      startedAt: '2026-11-25T08:00:00Z',
      endedAt: '2026-11-25T11:00:00Z',
      hoursSpent: 3,
    });
    expect(recorded).toEqual({ interventionId, warnings: ['TIME_OVERRUN'] });
    expect(await writtenFor('interventions', interventionId)).toEqual({ rows: 1, audit: 1 });

    expect(
      await twice(activities.submitReport, {
        ...stepOf(ticketId, projectId, developer, 2),
        reportId,
        interventionId,
        rootCause: 'Expired key',
        solution: 'Rotated it',
      }),
    ).toEqual({ reportId });
    const validation = stepOf(ticketId, projectId, manager, 3);
    expect(await twice(activities.validateReport, { ...validation, reportId })).toEqual({
      reportId,
      validatedById: manager.id,
      validatedAt: validation.occurredAt,
    });
    expect(await writtenFor('technical_reports', reportId)).toEqual({ rows: 1, audit: 2 });

    expect(await eventsOf(ticketId)).toEqual([
      'billet.issued',
      'intervention.overrun',
      'intervention.recorded',
      'report.submitted',
      'report.validated',
    ]);
    await eventually(() => expect(collector.ofTickets(ticketId)).toHaveLength(5), {
      timeoutMs: 10_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(collector.ofTickets(ticketId)).toHaveLength(5);
  });
});

describe('refusals inside an activity are final', () => {
  const failureOf = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApplicationFailure);
    const { type, nonRetryable } = error as ApplicationFailure;
    return { type, nonRetryable };
  };

  it('refuses work on a billet it does not have (NOT_FOUND), not retried', async () => {
    const attempt = activities.recordIntervention({
      ...stepOf(randomUUID(), randomUUID(), developer, 0),
      interventionId: randomUUID(),
      billetId: randomUUID(),
      actions: 'Anything',
      startedAt: '2026-11-25T08:00:00Z',
      hoursSpent: 1,
    });
    expect(await failureOf(attempt)).toEqual({ type: 'NOT_FOUND', nonRetryable: true });
  });

  it('refuses data the database would refuse (VALIDATION_FAILED), writing nothing', async () => {
    const billetId = randomUUID();
    const attempt = activities.issueBillet({
      ...stepOf(randomUUID(), randomUUID(), manager, 0),
      billetId,
      developerId: developer.id,
      type: 'FIX',
      estimatedHours: 0,
    });
    expect(await failureOf(attempt)).toEqual({ type: 'VALIDATION_FAILED', nonRetryable: true });
    expect(await writtenFor('billets', billetId)).toEqual({ rows: 0, audit: 0 });
  });

  it('refuses a second, different validation of a validated report (INVALID_TRANSITION)', async () => {
    const ticketId = randomUUID();
    const projectId = randomUUID();
    const billetId = randomUUID();
    const interventionId = randomUUID();
    const reportId = randomUUID();
    await activities.issueBillet({
      ...stepOf(ticketId, projectId, manager, 0),
      billetId,
      developerId: developer.id,
      type: 'ANALYSIS',
      estimatedHours: 2,
    });
    await activities.recordIntervention({
      ...stepOf(ticketId, projectId, developer, 1),
      interventionId,
      billetId,
      actions: 'Read the logs',
      startedAt: '2026-11-25T08:00:00Z',
      hoursSpent: 1,
    });
    await activities.submitReport({
      ...stepOf(ticketId, projectId, developer, 2),
      reportId,
      interventionId,
      rootCause: 'Stale cache',
      solution: 'Invalidate on write',
    });
    await activities.validateReport({ ...stepOf(ticketId, projectId, manager, 3), reportId });
    const otherManager = { id: randomUUID(), role: 'ADMIN' } as const;
    const attempt = activities.validateReport({
      ...stepOf(ticketId, projectId, otherManager, 4),
      reportId,
    });
    expect(await failureOf(attempt)).toEqual({ type: 'INVALID_TRANSITION', nonRetryable: true });
    expect(await writtenFor('technical_reports', reportId)).toEqual({ rows: 1, audit: 2 });
  });
});
