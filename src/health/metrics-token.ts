import { createHash, timingSafeEqual } from 'node:crypto';

/** Digests have one length whatever was sent, so the comparison takes the same time for every guess. */
export function tokenMatches(sent: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}
