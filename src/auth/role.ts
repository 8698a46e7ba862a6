export const ROLES = ['admin', 'editor', 'reviewer', 'integrator'] as const;
export type Role = (typeof ROLES)[number];
