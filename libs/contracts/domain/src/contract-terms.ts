import { type CalendarDate, type FieldError } from '@mg/shared-kernel';

/**
 * The cross-field rules of a contract, in one place for both the create body and the merged
 * result of an update, reported per field so the API answers 400 `VALIDATION_FAILED` with paths.
 */
export interface ContractTerms {
  startDate: CalendarDate;
  endDate: CalendarDate;
  slaHours: number;
  resolutionHours?: number | null;
}

/** An SLA longer than a year is a typing mistake, not a service level. */
export const MAX_CONTRACT_HOURS = 8760;

/**
 * R1 and R4. A rule is checked only when both of its fields are present, so a partial update can
 * be pre-checked and the merged contract checked in full. R1 reads "after" strictly: a contract
 * must cover at least two days (the seed refused `start >= end`), a one-day contract is a typo.
 */
export function contractTermsIssues(terms: Partial<ContractTerms>): FieldError[] {
  const issues: FieldError[] = [];
  const { startDate, endDate, slaHours, resolutionHours } = terms;
  if (startDate !== undefined && endDate !== undefined && endDate <= startDate) {
    issues.push({ path: 'endDate', message: `endDate must be after startDate (${startDate})` });
  }
  if (
    slaHours !== undefined &&
    resolutionHours !== undefined &&
    resolutionHours !== null &&
    resolutionHours <= slaHours
  ) {
    issues.push({
      path: 'resolutionHours',
      message: `resolutionHours must be greater than slaHours (${slaHours})`,
    });
  }
  return issues;
}
