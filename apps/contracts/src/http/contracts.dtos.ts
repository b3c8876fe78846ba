import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  CONTRACT_TYPES,
  type ContractView,
  createContractSchema,
  listContractsQuerySchema,
  updateContractSchema,
} from '@mg/contracts-domain';

/** Request bodies and queries, each made once from the domain's zod schemas. */
export class CreateContractDto extends createZodDto(createContractSchema) {}
export class UpdateContractDto extends createZodDto(updateContractSchema) {}
export class ListContractsQueryDto extends createZodDto(listContractsQuerySchema) {}

export const contractResponseSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  type: z.enum(CONTRACT_TYPES),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  slaHours: z.number(),
  resolutionHours: z.number().nullable(),
  coverage: z.string(),
  exclusions: z.string().nullable(),
  active: z.boolean().describe('R3: today, in the business time zone, is within the dates'),
  daysRemaining: z.int().min(0).describe('R3: whole days until endDate, 0 once expired'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ContractResponse = z.infer<typeof contractResponseSchema>;
export class ContractResponseDto extends createZodDto(contractResponseSchema) {}
export class ContractPageResponseDto extends createZodDto(
  z.object({ items: z.array(contractResponseSchema), nextCursor: z.string().nullable() }),
) {}

export const toContractResponse = (contract: ContractView): ContractResponse => ({
  id: contract.id,
  projectId: contract.projectId,
  type: contract.type,
  startDate: contract.startDate,
  endDate: contract.endDate,
  slaHours: contract.slaHours,
  resolutionHours: contract.resolutionHours,
  coverage: contract.coverage,
  exclusions: contract.exclusions,
  active: contract.active,
  daysRemaining: contract.daysRemaining,
  createdAt: contract.createdAt.toISOString(),
  updatedAt: contract.updatedAt.toISOString(),
});
