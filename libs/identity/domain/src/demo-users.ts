import { type Role } from '@mg/shared-kernel';

/** SPEC §10: the accounts seeded in development mode only, all sharing one password. */
export const DEMO_PASSWORD = 'demo-password';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@demo.local', name: 'Admin Demo', role: 'ADMIN' },
  { email: 'pm@demo.local', name: 'Project Manager Demo', role: 'PROJECT_MANAGER' },
  { email: 'jean.dupont@demo.local', name: 'Jean Dupont', role: 'DEVELOPER' },
  { email: 'support@demo.local', name: 'Support Demo', role: 'SUPPORT' },
  { email: 'client@demo.local', name: 'Client Demo', role: 'CLIENT' },
];
