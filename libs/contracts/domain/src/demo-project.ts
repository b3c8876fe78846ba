import { type CalendarDate } from '@mg/shared-kernel';
import { type ContractType } from './contract.types';

/** SPEC §10: the demo project, seeded in development mode only. */
export const DEMO_PROJECT_NAME = 'Application E-Commerce';

/** The emails of the demo accounts identity seeds; all are members of the demo project. */
export const DEMO_MEMBER_EMAILS = [
  'admin@demo.local',
  'pm@demo.local',
  'jean.dupont@demo.local',
  'support@demo.local',
  'client@demo.local',
] as const;

export interface DemoContractTerms {
  type: ContractType;
  startDate: CalendarDate;
  endDate: CalendarDate;
  slaHours: number;
  resolutionHours: number | null;
  coverage: string;
  exclusions: string | null;
}

/**
 * The demo project's contracts for the calendar year `today` falls in: a CORRECTIVE contract for
 * the whole year with a 24 h SLA (as in the design document), and an EVOLUTIVE contract for its
 * first half (the SPEC gives no SLA for it: 48 h, a typical one for evolutions).
 */
export function demoContracts(today: CalendarDate): DemoContractTerms[] {
  const year = today.slice(0, 4);
  return [
    {
      type: 'CORRECTIVE',
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      slaHours: 24,
      resolutionHours: null,
      coverage: 'Correction bugs bloquants et critiques',
      exclusions: 'Nouvelles fonctionnalités, modifications de design',
    },
    {
      type: 'EVOLUTIVE',
      startDate: `${year}-01-01`,
      endDate: `${year}-06-30`,
      slaHours: 48,
      resolutionHours: null,
      coverage: 'Évolutions mineures',
      exclusions: null,
    },
  ];
}
