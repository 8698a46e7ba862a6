import { createHash, randomBytes } from 'node:crypto';

/** An opaque token for a cookie or a link: 256 random bits. Only its hash is stored, so a leaked table opens nothing. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const INVITATION_HOURS = 72;

/** An invitation or reset link works once, until it expires. */
export function oneTimeTokenUsable(token: { expiresAt: Date; usedAt: Date | null }, now: Date): boolean {
  return token.usedAt === null && token.expiresAt.getTime() > now.getTime();
}

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** A session ends after `idleMinutes` without a request, and `maxHours` after it began, whichever comes first. */
export function sessionLive(session: { lastSeenAt: Date; expiresAt: Date }, now: Date, policy: SessionPolicy): boolean {
  return (
    session.expiresAt.getTime() > now.getTime() &&
    now.getTime() - session.lastSeenAt.getTime() < policy.idleMinutes * 60_000
  );
}
