import { demoUserId, type Role } from '@mg/shared-kernel';

/** SPEC §10: the accounts seeded in development mode only, all sharing one password. */
export const DEMO_PASSWORD = 'demo-password';

export interface DemoUser {
  /** Deterministic (`demoUserId(email)`), so other services can name demo users in their seeds. */
  id: string;
  email: string;
  name: string;
  role: Role;
}

const demoUser = (email: string, name: string, role: Role): DemoUser => ({
  id: demoUserId(email),
  email,
  name,
  role,
});

export const DEMO_USERS: readonly DemoUser[] = [
  demoUser('admin@demo.local', 'Admin Demo', 'ADMIN'),
  demoUser('pm@demo.local', 'Project Manager Demo', 'PROJECT_MANAGER'),
  demoUser('jean.dupont@demo.local', 'Jean Dupont', 'DEVELOPER'),
  demoUser('support@demo.local', 'Support Demo', 'SUPPORT'),
  demoUser('client@demo.local', 'Client Demo', 'CLIENT'),
];
