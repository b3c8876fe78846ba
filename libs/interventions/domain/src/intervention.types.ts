import { type Role } from '@mg/shared-kernel';

export const BILLET_TYPES = ['ANALYSIS', 'FIX', 'HOTFIX_DEPLOYMENT'] as const;
export type BilletType = (typeof BILLET_TYPES)[number];

export const INTERVENTION_WARNINGS = ['TIME_OVERRUN'] as const;
export type InterventionWarning = (typeof INTERVENTION_WARNINGS)[number];

/** An intervention authorization: no developer works on a ticket without one. */
export interface Billet {
  id: string;
  /** `BILLET-00001`. */
  number: string;
  ticketId: string;
  projectId: string;
  developerId: string;
  type: BilletType;
  estimatedHours: number;
  instructions: string | null;
  issuedById: string;
  issuedAt: Date;
}

/** The technical work actually done under a billet. */
export interface Intervention {
  id: string;
  billetId: string;
  ticketId: string;
  projectId: string;
  recordedById: string;
  actions: string;
  startedAt: Date;
  endedAt: Date | null;
  hoursSpent: number;
  fixApplied: string | null;
  filesChanged: string | null;
  warnings: readonly InterventionWarning[];
  recordedAt: Date;
}

/** The root-cause analysis a project manager validates before the ticket can close. */
export interface TechnicalReport {
  id: string;
  interventionId: string;
  ticketId: string;
  projectId: string;
  authorId: string;
  initialProblem: string | null;
  rootCause: string;
  solution: string;
  systemImpact: string | null;
  futureRisks: string | null;
  recommendations: string | null;
  submittedAt: Date;
  validatedById: string | null;
  validatedAt: Date | null;
}

/** Who is acting, as the authenticated caller. */
export interface Actor {
  id: string;
  role: Role;
}
