export const ROLES = ['ADMIN', 'PROJECT_MANAGER', 'DEVELOPER', 'SUPPORT', 'CLIENT'] as const;

export type Role = (typeof ROLES)[number];
