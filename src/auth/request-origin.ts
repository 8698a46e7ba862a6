import { createHmac, timingSafeEqual } from 'node:crypto';

/** The session cookie: a person's opaque session token (its hash is in `user_sessions`). */
export const SESSION_COOKIE = 'claimdesk_session';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The pages and the queue dashboard: the only paths where the session cookie counts, and where state-changing requests
 * must come from the service's own origin. In any letter case, as Express routes them (`POST /UI/login` reaches the
 * sign-in form's handler).
 */
export function isPagePath(path: string): boolean {
  return /^\/(ui|admin\/queues\/ui)(\/|$)/i.test(path);
}

export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/**
 * The session's CSRF token: an HMAC keyed by the session cookie, so it needs no server secret or storage, every
 * api process derives the same one, and a page that never saw the cookie (another origin) cannot compute it.
 */
export function csrfTokenFor(session: string): string {
  return createHmac('sha256', session).update('claimdesk csrf').digest('base64url');
}

export function csrfTokenMatches(session: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(session));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface OriginHeaders {
  origin?: string;
  'sec-fetch-site'?: string;
  host?: string;
}

/**
 * Why a state-changing page request comes from somewhere else, or null. Browsers send `Sec-Fetch-Site` and, on
 * every POST, `Origin`; a same-site sibling (another subdomain) is as foreign as another site, since a SameSite
 * cookie goes along from it. Requests with neither header do not come from a page, so there is no forgery to stop.
 */
export function foreignOriginOf(headers: OriginHeaders, protocol: string, publicUrl: string): string | null {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `the request came from another site (Sec-Fetch-Site: ${site})`;
  const origin = headers.origin;
  // Under `Referrer-Policy: no-referrer` a browser's form post says `Origin: null` even from the service's own
  // page (the desk sends `same-origin`, but a proxy may change it); Sec-Fetch-Site, which scripts cannot set, vouches.
  if (origin === undefined || (origin === 'null' && site !== undefined)) return null;
  const own = [new URL(publicUrl).origin, headers.host ? `${protocol}://${headers.host}` : null];
  return own.includes(origin) ? null : `the request came from another origin (${origin.slice(0, 100)})`;
}
