import { DomainError, isAllowed } from '@mg/shared-kernel';
import { type Actor, type TechnicalReport } from './intervention.types';

/** R17: one report per intervention. */
export function assertNoReportYet(existing: Pick<TechnicalReport, 'id'> | null | undefined): void {
  if (existing) {
    throw new DomainError(
      'REPORT_ALREADY_SUBMITTED',
      `This intervention already has its technical report (${existing.id})`,
    );
  }
}

/**
 * R18: a project manager or admin validates, never the report's author (four-eyes), and only
 * once. Checked in that order: who may, then whether this person may, then whether it still can.
 */
export function assertMayValidate(args: {
  actor: Actor;
  report: Pick<TechnicalReport, 'authorId' | 'validatedAt'>;
}): void {
  const { actor, report } = args;
  if (!isAllowed(actor.role, 'reports:validate')) {
    throw new DomainError('FORBIDDEN', 'Only a project manager or an admin may validate a report');
  }
  if (actor.id === report.authorId) {
    throw new DomainError(
      'SELF_VALIDATION',
      'A report must be validated by someone other than its author',
    );
  }
  if (report.validatedAt !== null) {
    throw new DomainError('INVALID_TRANSITION', 'The report is already validated');
  }
}

/** R18: the validated report; the caller resolves the ticket in the same step. */
export function validateReport(report: TechnicalReport, actor: Actor, now: Date): TechnicalReport {
  assertMayValidate({ actor, report });
  return { ...report, validatedById: actor.id, validatedAt: now };
}

/**
 * Whether the report already carries exactly this validation: the same step retried (a workflow
 * activity run again after a crash), not a second validation, so nothing is to be written.
 */
export function carriesValidation(
  report: Pick<TechnicalReport, 'validatedById' | 'validatedAt'>,
  actor: Actor,
  at: Date,
): boolean {
  return report.validatedById === actor.id && report.validatedAt?.getTime() === at.getTime();
}
