import { DomainError, isCalendarDate } from '@mg/shared-kernel';
import { z } from 'zod';
import { contractTermsIssues, MAX_CONTRACT_HOURS } from './contract-terms';
import { CONTRACT_TYPES, type WarrantyContract } from './contract.types';

const NOT_A_DAY = 'must be a real calendar date (YYYY-MM-DD)';

/** `z.iso.date` documents the format in OpenAPI; `isCalendarDate` adds the four-digit year. */
const calendarDate = z.iso
  .date({ error: NOT_A_DAY, abort: true })
  .refine(isCalendarDate, { error: NOT_A_DAY, abort: true });

/** Hours are stored to the hundredth (36 s): a finer value is refused rather than rounded. */
const hours = z
  .number()
  .positive({ error: 'must be greater than 0' })
  .max(MAX_CONTRACT_HOURS, { error: `must be at most ${MAX_CONTRACT_HOURS} hours` })
  .multipleOf(0.01, { error: 'must have at most two decimal places' });

const longText = z.string().trim().max(10_000);

const contractFields = {
  projectId: z.uuid(),
  type: z.enum(CONTRACT_TYPES),
  startDate: calendarDate,
  endDate: calendarDate,
  slaHours: hours,
  resolutionHours: hours.nullable().optional(),
  coverage: longText.min(1, { error: 'must not be empty' }),
  exclusions: longText.nullable().optional(),
};

function addTermsIssues(
  value: Parameters<typeof contractTermsIssues>[0],
  ctx: z.RefinementCtx,
): void {
  for (const issue of contractTermsIssues(value)) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  }
}

/** POST /contracts. Server-owned fields (`id`, `active`, `daysRemaining`, …) are refused. */
export const createContractSchema = z.strictObject(contractFields).superRefine(addTermsIssues);

export type CreateContractInput = z.infer<typeof createContractSchema>;

/**
 * PATCH /contracts/:id. A contract stays on its project (`projectId` is refused); `null` clears
 * `resolutionHours` or `exclusions`. The body is pre-checked here; `applyContractUpdate` checks
 * the merged contract, since a patch of `endDate` alone can break R1 against the stored start.
 */
export const updateContractSchema = z
  .strictObject({
    type: contractFields.type.optional(),
    startDate: calendarDate.optional(),
    endDate: calendarDate.optional(),
    slaHours: hours.optional(),
    resolutionHours: contractFields.resolutionHours,
    coverage: contractFields.coverage.optional(),
    exclusions: contractFields.exclusions,
  })
  .superRefine(addTermsIssues);

export type UpdateContractInput = z.infer<typeof updateContractSchema>;

/** The stored contract with the patch applied; throws `VALIDATION_FAILED` if R1 or R4 breaks. */
export function applyContractUpdate(
  existing: WarrantyContract,
  patch: UpdateContractInput,
): WarrantyContract {
  const merged: WarrantyContract = {
    ...existing,
    type: patch.type ?? existing.type,
    startDate: patch.startDate ?? existing.startDate,
    endDate: patch.endDate ?? existing.endDate,
    slaHours: patch.slaHours ?? existing.slaHours,
    resolutionHours:
      patch.resolutionHours === undefined ? existing.resolutionHours : patch.resolutionHours,
    coverage: patch.coverage ?? existing.coverage,
    exclusions: patch.exclusions === undefined ? existing.exclusions : patch.exclusions,
  };
  const issues = contractTermsIssues(merged);
  if (issues.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'The updated contract is invalid', issues);
  }
  return merged;
}
