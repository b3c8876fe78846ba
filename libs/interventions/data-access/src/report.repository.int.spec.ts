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

const newBillet = () =>
  new BilletRepository(prisma).create({
    ticketId: TICKET_ID,
    projectId: PROJECT_ID,
    developerId: randomUUID(),
    type: 'ANALYSIS',
    estimatedHours: 2,
    instructions: null,
    issuedById: randomUUID(),
    issuedAt: STARTED_AT,
  });

const anIntervention = (billetId: string, overrides: Partial<NewIntervention> = {}) =>
  interventions.create({
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

const aReport = (interventionId: string): NewReport => ({
  interventionId,
  authorId: randomUUID(),
  initialProblem: null,
  rootCause: 'Stale cache',
  solution: 'Invalidate on write',
  systemImpact: null,
  futureRisks: null,
  recommendations: 'Add a cache test',
  submittedAt: new Date('2026-11-25T15:00:00.000Z'),
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
});

describe('ReportRepository', () => {
  it('stores the report, not validated, with its intervention ticket and project', async () => {
    const intervention = await anIntervention((await newBillet()).id);
    const submitted = await reports.create(aReport(intervention.id));
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
