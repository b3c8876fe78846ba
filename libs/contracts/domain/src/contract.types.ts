import { type CalendarDate } from '@mg/shared-kernel';

export const CONTRACT_TYPES = ['CORRECTIVE', 'EVOLUTIVE'] as const;

export type ContractType = (typeof CONTRACT_TYPES)[number];

/** A client application under maintenance; its members may read and act on its objects. */
export interface Project {
  id: string;
  name: string;
  client: string | null;
  memberIds: readonly string[];
  createdAt: Date;
  updatedAt: Date;
}

/** What maintenance is free for a project, until when, and how fast the team must respond. */
export interface WarrantyContract {
  id: string;
  projectId: string;
  type: ContractType;
  /** First covered day, inclusive. */
  startDate: CalendarDate;
  /** Last covered day, inclusive. */
  endDate: CalendarDate;
  /** Maximum response time (SLA), in hours; decimals allowed. */
  slaHours: number;
  /** Optional maximum resolution time, in hours; always greater than `slaHours`. */
  resolutionHours: number | null;
  coverage: string;
  exclusions: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A contract as the API answers it: computed for the business day it is read on. */
export interface ContractView extends WarrantyContract {
  active: boolean;
  daysRemaining: number;
}
