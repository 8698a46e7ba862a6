export const ROLES = ['admin', 'editor', 'reviewer', 'integrator'] as const;
export type Role = (typeof ROLES)[number];

const PERSON_RANK: Partial<Record<Role, number>> = { reviewer: 1, editor: 2, admin: 3 };

/** Whether a key of role `key` would act above a person of role `owner` (an integrator key has no person). */
export function actsAbove(key: Role, owner: Role): boolean {
  return (PERSON_RANK[key] ?? 0) > (PERSON_RANK[owner] ?? 0);
}
