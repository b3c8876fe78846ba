import { randomUUID } from 'node:crypto';
import { type DomainError } from '@mg/shared-kernel';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import { BilletRepository } from './billet.repository';
import { InterventionRepository, type NewIntervention } from './intervention.repository';
import {
  createInterventionsPrismaClient,
  INTERVENTIONS_MIGRATIONS_DIR,
  type InterventionsPrismaClient,
} from './interventions-database';
import { type NewReport, ReportRepository } from './report.repository';

jest.setTimeout(60_000);

let database: TestDatabase;
let prisma: InterventionsPrismaClient;
let interventions: InterventionRepository;
let reports: ReportRepository;

beforeAll(async () => {
  database = await createTestDatabase('reports_repository', INTERVENTIONS_MIGRATIONS_DIR);
  prisma = createInterventionsPrismaClient(database.url, { poolSize: 12 });
  interventions = new InterventionRepository(prisma);
  reports = new ReportRepository(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const TICKET_ID = randomUUID();
const PROJECT_ID = randomUUID();
const STARTED_AT = new Date('2026-11-25T09:00:00.000Z');

const newBillet = async (ticketId = TICKET_ID) =>
  (
    await new BilletRepository(prisma).create({
      id: randomUUID(),
      ticketId,
      projectId: PROJECT_ID,
      developerId: randomUUID(),
      type: 'ANALYSIS',
      estimatedHours: 2,
      instructions: null,
      issuedById: randomUUID(),
      issuedAt: STARTED_AT,
    })
  ).entity;

const anInterventionWrite = (billetId: string, overrides: Partial<NewIntervention> = {}) =>
  interventions.create({
    id: randomUUID(),
    billetId,
    recordedById: randomUUID(),
    actions: 'Read the logs',
    startedAt: STARTED_AT,
    endedAt: new Date('2026-11-25T14:00:00.000Z'),
    hoursSpent: 5,
    fixApplied: null,
    filesChanged: null,
    warnings: ['TIME_OVERRUN'],
    recordedAt: new Date('2026-11-25T14:05:00.000Z'),
    ...overrides,
  });

const anIntervention = async (billetId: string, overrides: Partial<NewIntervention> = {}) =>
  (await anInterventionWrite(billetId, overrides)).entity;

const aReport = (interventionId: string, overrides: Partial<NewReport> = {}): NewReport => ({
  id: randomUUID(),
  interventionId,
  authorId: randomUUID(),
  initialProblem: null,
  rootCause: 'Stale cache',
  solution: 'Invalidate on write',
  systemImpact: null,
  futureRisks: null,
  recommendations: 'Add a cache test',
  submittedAt: new Date('2026-11-25T15:00:00.000Z'),
  ...overrides,
});

const codeOf = (error: unknown) => (error as DomainError).code;

describe('InterventionRepository', () => {
  it('stores the intervention with its billet ticket and project, and its warnings', async () => {
    const billet = await newBillet();
    const recorded = await anIntervention(billet.id);
    expect(recorded).toMatchObject({
      billetId: billet.id,
      ticketId: TICKET_ID,
      projectId: PROJECT_ID,
      hoursSpent: 5,
      warnings: ['TIME_OVERRUN'],
    });
    expect(await interventions.findById(recorded.id)).toEqual(recorded);
  });

  it('R15: the database refuses an intervention that ends before it starts', async () => {
    const billet = await newBillet();
    await expect(anIntervention(billet.id, { endedAt: STARTED_AT })).rejects.toThrow();
    await expect(anIntervention(billet.id, { endedAt: null })).resolves.toBeDefined();
  });

  it('R14: the database refuses an intervention without a billet', async () => {
    await expect(anIntervention(randomUUID())).rejects.toThrow();
  });

  it('is idempotent on the id: a second record answers the stored intervention', async () => {
    const billet = await newBillet();
    const first = await anInterventionWrite(billet.id);
    const again = await interventions.create({
      ...first.entity,
      hoursSpent: 99,
      actions: 'Something else',
    });
    expect(first.created).toBe(true);
    expect(again).toEqual({ entity: first.entity, created: false });
    expect(await prisma.intervention.count({ where: { billetId: billet.id } })).toBe(1);
  });

  it("lists a billet's interventions in recording order, page by page", async () => {
    const billet = await newBillet();
    const recorded = [];
    for (let minute = 0; minute < 3; minute++) {
      const recordedAt = new Date(Date.UTC(2026, 10, 25, 15, minute));
      recorded.push(await anIntervention(billet.id, { recordedAt }));
    }
    await anIntervention((await newBillet()).id);
    expect(await interventions.listByBillet(billet.id, { limit: 5 })).toEqual(recorded);
    const first = recorded[0];
    if (!first) throw new Error('no intervention');
    expect(
      await interventions.listByBillet(billet.id, {
        limit: 1,
        after: { createdAt: first.recordedAt, id: first.id },
      }),
    ).toEqual(recorded.slice(1, 3));
  });
});

describe('ReportRepository', () => {
  it('stores the report, not validated, with its intervention ticket and project', async () => {
    const intervention = await anIntervention((await newBillet()).id);
    const { entity: submitted, created } = await reports.create(aReport(intervention.id));
    expect(created).toBe(true);
    expect(submitted).toMatchObject({
      interventionId: intervention.id,
      ticketId: TICKET_ID,
      projectId: PROJECT_ID,
      validatedById: null,
      validatedAt: null,
    });
    expect(await reports.findById(submitted.id)).toEqual(submitted);
    expect(await reports.findByIntervention(intervention.id)).toEqual(submitted);
  });

  it('R17: the database refuses a second report with REPORT_ALREADY_SUBMITTED', async () => {
    const intervention = await anIntervention((await newBillet()).id);
    await reports.create(aReport(intervention.id));
    const error = await reports.create(aReport(intervention.id)).catch((caught: unknown) => caught);
    expect(codeOf(error)).toBe('REPORT_ALREADY_SUBMITTED');
  });

  it('R17: the database refuses a report without an intervention', async () => {
    const error = await reports.create(aReport(randomUUID())).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(codeOf(error)).not.toBe('REPORT_ALREADY_SUBMITTED');
  });

  it('R17: lets exactly one of ten concurrent submissions for one intervention commit', async () => {
    const intervention = await anIntervention((await newBillet()).id);
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () => reports.create(aReport(intervention.id))),
    );
    const refusals = attempts.filter((attempt) => attempt.status === 'rejected');
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    expect(refusals.map((refusal) => codeOf(refusal.reason))).toEqual(
      Array(9).fill('REPORT_ALREADY_SUBMITTED'),
    );
    expect(await prisma.technicalReport.count({ where: { interventionId: intervention.id } })).toBe(
      1,
    );
  });
});

describe('ReportRepository, idempotent writes and lists', () => {
  it('is idempotent on the id: a second submit answers the stored report, not a 409', async () => {
    const intervention = await anIntervention((await newBillet()).id);
    const report = aReport(intervention.id);
    const first = await reports.create(report);
    const again = await reports.create({ ...report, rootCause: 'Something else' });
    expect(again).toEqual({ entity: first.entity, created: false });
  });

  it("lists a ticket's reports in submission order, whatever their billet", async () => {
    const ticketId = randomUUID();
    const submitted = [];
    for (let minute = 0; minute < 3; minute++) {
      const intervention = await anIntervention((await newBillet(ticketId)).id);
      const submittedAt = new Date(Date.UTC(2026, 10, 25, 16, minute));
      submitted.push((await reports.create(aReport(intervention.id, { submittedAt }))).entity);
    }
    await reports.create(aReport((await anIntervention((await newBillet()).id)).id));
    expect(await reports.listByTicket(ticketId, { limit: 5 })).toEqual(submitted);
    const second = submitted[1];
    if (!second) throw new Error('no report');
    expect(
      await reports.listByTicket(ticketId, {
        limit: 5,
        after: { createdAt: second.submittedAt, id: second.id },
      }),
    ).toEqual(submitted.slice(2));
  });

  it('R18: stores a validation once; a repeat changes nothing and answers the first', async () => {
    const intervention = await anIntervention((await newBillet()).id);
    const { entity: report } = await reports.create(aReport(intervention.id));
    const validation = {
      id: report.id,
      validatedById: randomUUID(),
      validatedAt: new Date('2026-11-25T17:00:00.000Z'),
    };
    const first = await reports.markValidated(validation);
    expect(first).toEqual({
      entity: {
        ...report,
        validatedById: validation.validatedById,
        validatedAt: validation.validatedAt,
      },
      created: true,
    });
    const other = await reports.markValidated({
      ...validation,
      validatedById: randomUUID(),
      validatedAt: new Date('2026-11-25T18:00:00.000Z'),
    });
    expect(other).toEqual({ entity: first?.entity, created: false });
    expect(await reports.markValidated({ ...validation, id: randomUUID() })).toBeNull();
  });

  it('R18: lets exactly one of ten racing validations change the report', async () => {
    const intervention = await anIntervention((await newBillet()).id);
    const { entity: report } = await reports.create(aReport(intervention.id));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, minute) =>
        reports.markValidated({
          id: report.id,
          validatedById: randomUUID(),
          validatedAt: new Date(Date.UTC(2026, 10, 25, 17, minute)),
        }),
      ),
    );
    expect(results.filter((result) => result?.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result?.entity.validatedById)).size).toBe(1);
  });
});
