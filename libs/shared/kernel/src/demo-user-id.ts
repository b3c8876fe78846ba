import { uuidV5 } from './uuid-v5';

/** A fixed namespace for the demo accounts' ids; never reuse it for anything else. */
export const DEMO_USER_NAMESPACE = '3f9d6c2e-7b41-4f0a-9e57-0c1b8d2a6e13';

/**
 * SPEC §10: the id of a demo account, derived from its email. Identity seeds each demo user
 * under this id, so the other services can seed data naming the demo users (members of the
 * demo project) without reading identity's database or calling it at start-up.
 */
export function demoUserId(email: string): string {
  return uuidV5(email.trim().toLowerCase(), DEMO_USER_NAMESPACE);
}
