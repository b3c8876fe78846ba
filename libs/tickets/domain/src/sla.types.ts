export const SLA_CLOCKS = ['RESPONSE', 'RESOLUTION'] as const;
export type SlaClockKind = (typeof SLA_CLOCKS)[number];

export const ESCALATION_KINDS = ['WARNING', 'BREACH', 'ESCALATION'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** 0 = the 75 % warning, 1 = project managers of the project, 2 = admins (SPEC §6). */
export type EscalationLevel = 0 | 1 | 2;

export interface SlaClock {
  clock: SlaClockKind;
  startsAt: Date;
  deadline: Date;
}

/** One rung of the ladder: fires when `fraction` of the clock's allowance has elapsed. */
export interface EscalationRung {
  fraction: number;
  level: EscalationLevel;
  kind: EscalationKind;
}

export interface EscalationStep {
  clock: SlaClockKind;
  level: EscalationLevel;
  kind: EscalationKind;
  dueAt: Date;
}

/** An escalation as recorded on the ticket once it fired. */
export interface Escalation extends EscalationStep {
  firedAt: Date;
  notifiedUserIds: readonly string[];
}
