import { type ReadinessCheck } from './readiness-check';

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

export interface HealthOptions {
  serviceName: string;
  /** Checks known when the app is created; merged with those provided under READINESS_CHECKS. */
  readinessChecks?: readonly ReadinessCheck[];
  /** Per-check deadline for `/ready` (default 1 s). */
  readinessTimeoutMs?: number;
}
