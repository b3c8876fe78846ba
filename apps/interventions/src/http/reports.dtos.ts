import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  listReportsQuerySchema,
  submitReportSchema,
  type TechnicalReport,
  validateReportSchema,
} from '@mg/interventions-domain';

/** Request bodies and queries, each made once from the domain's zod schemas. */
export class SubmitReportDto extends createZodDto(submitReportSchema) {}
export class ValidateReportDto extends createZodDto(validateReportSchema) {}
export class ListReportsQueryDto extends createZodDto(listReportsQuerySchema) {}

export const reportResponseSchema = z.object({
  id: z.uuid(),
  interventionId: z.uuid(),
  ticketId: z.uuid(),
  projectId: z.uuid(),
  authorId: z.uuid(),
  initialProblem: z.string().nullable(),
  rootCause: z.string(),
  solution: z.string(),
  systemImpact: z.string().nullable(),
  futureRisks: z.string().nullable(),
  recommendations: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  validatedBy: z.uuid().nullable().describe('R18: the project manager or admin who validated it'),
  validatedAt: z.iso.datetime().nullable(),
});
export type ReportResponse = z.infer<typeof reportResponseSchema>;
export class ReportResponseDto extends createZodDto(reportResponseSchema) {}
export class ReportPageResponseDto extends createZodDto(
  z.object({ items: z.array(reportResponseSchema), nextCursor: z.string().nullable() }),
) {}

export const toReportResponse = (report: TechnicalReport): ReportResponse => ({
  id: report.id,
  interventionId: report.interventionId,
  ticketId: report.ticketId,
  projectId: report.projectId,
  authorId: report.authorId,
  initialProblem: report.initialProblem,
  rootCause: report.rootCause,
  solution: report.solution,
  systemImpact: report.systemImpact,
  futureRisks: report.futureRisks,
  recommendations: report.recommendations,
  submittedAt: report.submittedAt.toISOString(),
  validatedBy: report.validatedById,
  validatedAt: report.validatedAt?.toISOString() ?? null,
});
