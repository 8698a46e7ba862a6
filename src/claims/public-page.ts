import type { ClaimApproval, ClaimStatus } from './claim-status';

/** What a claim's public page says: its verdict, that it is being looked at again, or that it was withdrawn. */
export type PublicPageState = 'published' | 'under_review' | 'withdrawn';

const PUBLISHED: readonly ClaimStatus[] = ['sourced', 'disputed'];

/**
 * A page's address: the claim's first words and 12 hex digits of its id (unique, and readable in a link). Given once,
 * at the claim's first published verdict, and never changed, so links to it keep working.
 */
export function publicSlugFor(claim: { id: string; text: string }): string {
  const words = claim.text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  const id = claim.id.replace(/-/g, '').slice(0, 12);
  return words ? `${words}-${id}` : id;
}

/** A slug as publicSlugFor makes them: anything else is not a page (and is answered 404 without a query). */
export const PUBLIC_SLUG = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*-)?[0-9a-f]{12}$/;

/** What a page reads of its claim. */
export interface PublicPageClaim {
  publicSlug: string | null;
  status: ClaimStatus;
  approval: ClaimApproval | null;
}

/**
 * null: the claim never had a published verdict, so it has no page. A verdict waiting for a second opinion is not
 * published: the page of a claim published before says it is under review meanwhile.
 */
export function publicPageState(claim: PublicPageClaim): PublicPageState | null {
  if (claim.publicSlug === null) return null;
  if (PUBLISHED.includes(claim.status)) return claim.approval === 'pending' ? 'under_review' : 'published';
  return claim.status === 'unverified' ? 'under_review' : 'withdrawn';
}

let configuredPublicBase = 'http://localhost:3000';

/**
 * PUBLIC_URL, set once at boot (ClaimsModule): a claim's representation names its public page in every response
 * that carries it, and PUBLIC_URL does not change while a process runs.
 */
export function setPublicBaseUrl(url: string): void {
  configuredPublicBase = url.replace(/\/+$/, '');
}

/** PUBLIC_URL without a trailing slash: where the desk's public pages live. */
export function publicBaseUrl(): string {
  return configuredPublicBase;
}

export function publicPageUrl(slug: string): string {
  return `${configuredPublicBase}/fact-checks/${slug}`;
}

/** The page's address while it shows a verdict; null before the first one and while it is reopened or withdrawn. */
export function publishedUrlOf(claim: PublicPageClaim): string | null {
  return publicPageState(claim) === 'published' ? publicPageUrl(claim.publicSlug!) : null;
}
