import type { Principal } from '../auth/principal';
import type { Role } from '../auth/role';

/**
 * Who sees a claim's matches ("Seen before"): the desk's people. Matches reach across every owner's articles and
 * carry the other claims' words, statuses and sources, so an integrator, which sees only its own articles, sees none.
 */
export const MATCH_READERS: Role[] = ['admin', 'editor', 'reviewer'];

export function mayReadMatches(principal: Principal): boolean {
  return MATCH_READERS.includes(principal.role);
}
