import { type Billet, type Intervention, type TechnicalReport } from '@mg/interventions-domain';
import { type Prisma } from './generated/prisma/client';

export const billetColumns = {
  id: true,
  number: true,
  ticketId: true,
  projectId: true,
  developerId: true,
  type: true,
  estimatedHours: true,
  instructions: true,
  issuedById: true,
  createdAt: true,
} as const satisfies Prisma.BilletSelect;

type BilletRow = Prisma.BilletGetPayload<{ select: typeof billetColumns }>;

/** Hours are NUMERIC(7,2) in the database: exact, and well within a JS number's precision. */
export const toBillet = ({ createdAt, estimatedHours, ...row }: BilletRow): Billet => ({
  ...row,
  estimatedHours: estimatedHours.toNumber(),
  issuedAt: createdAt,
});

/** The ticket and project of an intervention or report are its billet's. */
const billetScope = { select: { ticketId: true, projectId: true } } as const;

export const interventionColumns = {
  id: true,
  billetId: true,
  recordedById: true,
  actions: true,
  startedAt: true,
  endedAt: true,
  hoursSpent: true,
  fixApplied: true,
  filesChanged: true,
  warnings: true,
  createdAt: true,
  billet: billetScope,
} as const satisfies Prisma.InterventionSelect;

type InterventionRow = Prisma.InterventionGetPayload<{ select: typeof interventionColumns }>;

export const toIntervention = ({
  billet,
  createdAt,
  hoursSpent,
  warnings,
  ...row
}: InterventionRow): Intervention => ({
  ...row,
  ...billet,
  hoursSpent: hoursSpent.toNumber(),
  warnings: warnings as Intervention['warnings'],
  recordedAt: createdAt,
});

export const reportColumns = {
  id: true,
  interventionId: true,
  authorId: true,
  initialProblem: true,
  rootCause: true,
  solution: true,
  systemImpact: true,
  futureRisks: true,
  recommendations: true,
  validatedById: true,
  validatedAt: true,
  createdAt: true,
  intervention: { select: { billet: billetScope } },
} as const satisfies Prisma.TechnicalReportSelect;

type ReportRow = Prisma.TechnicalReportGetPayload<{ select: typeof reportColumns }>;

export const toReport = ({ intervention, createdAt, ...row }: ReportRow): TechnicalReport => ({
  ...row,
  ...intervention.billet,
  submittedAt: createdAt,
});
