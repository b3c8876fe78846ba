import { type CalendarDate } from '@mg/shared-kernel';
import { type WarrantyContract } from '@mg/contracts-domain';
import { type Prisma } from './generated/prisma/client';

/**
 * A `DATE` column is a JS Date at UTC midnight for Prisma; the domain speaks calendar days. Both
 * conversions go through UTC, so no time zone of this process can shift a day.
 */
export const toDateColumn = (day: CalendarDate): Date => new Date(`${day}T00:00:00.000Z`);
export const fromDateColumn = (date: Date): CalendarDate => date.toISOString().slice(0, 10);

export const contractColumns = {
  id: true,
  projectId: true,
  type: true,
  startDate: true,
  endDate: true,
  slaHours: true,
  resolutionHours: true,
  coverage: true,
  exclusions: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.WarrantyContractSelect;

type ContractRow = Prisma.WarrantyContractGetPayload<{ select: typeof contractColumns }>;

/** Hours are NUMERIC(7,2) in the database: exact, and well within a JS number's precision. */
export const toContract = (row: ContractRow): WarrantyContract => ({
  ...row,
  startDate: fromDateColumn(row.startDate),
  endDate: fromDateColumn(row.endDate),
  slaHours: row.slaHours.toNumber(),
  resolutionHours: row.resolutionHours === null ? null : row.resolutionHours.toNumber(),
});

/** The writable columns of a contract, from domain values. */
export interface ContractTermsColumns {
  type: WarrantyContract['type'];
  startDate: CalendarDate;
  endDate: CalendarDate;
  slaHours: number;
  resolutionHours: number | null;
  coverage: string;
  exclusions: string | null;
}

export const toContractColumns = (terms: ContractTermsColumns) => ({
  ...terms,
  startDate: toDateColumn(terms.startDate),
  endDate: toDateColumn(terms.endDate),
});
