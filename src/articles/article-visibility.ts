import { ownerIdOf, type Principal } from '../auth/principal';

/** Integrators see only their own articles (and their claims); every other role sees all. */
export function ownerFilterOf(principal: Principal): string | null {
  return principal.role === 'integrator' ? ownerIdOf(principal) : null;
}
