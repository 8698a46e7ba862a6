import { hashSecretToken, newSecretToken, oneTimeTokenUsable, sessionLive } from './secret-token';

describe('secret tokens', () => {
  it('makes a fresh random token each time and keeps only a hash that is not the token', () => {
    const a = newSecretToken();
    const b = newSecretToken();
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashSecretToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });

  it('lets an invitation be used once, before it expires', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const expiresAt = new Date('2026-12-04T12:00:00Z');
    expect(oneTimeTokenUsable({ expiresAt, usedAt: null }, now)).toBe(true);
    expect(oneTimeTokenUsable({ expiresAt, usedAt: new Date('2026-12-01T13:00:00Z') }, now)).toBe(false);
    expect(oneTimeTokenUsable({ expiresAt, usedAt: null }, new Date('2026-12-04T12:00:00Z'))).toBe(false);
  });

  it('ends a session when idle too long or past its absolute lifetime, whichever comes first', () => {
    const policy = { idleMinutes: 30, maxHours: 12 };
    const now = new Date('2026-12-01T12:00:00Z');
    const expiresAt = new Date('2026-12-01T20:00:00Z');
    expect(sessionLive({ lastSeenAt: new Date('2026-12-01T11:45:00Z'), expiresAt }, now, policy)).toBe(true);
    expect(sessionLive({ lastSeenAt: new Date('2026-12-01T11:30:00Z'), expiresAt }, now, policy)).toBe(false);
    expect(
      sessionLive(
        { lastSeenAt: new Date('2026-12-01T11:59:00Z'), expiresAt: new Date('2026-12-01T12:00:00Z') },
        now,
        policy,
      ),
    ).toBe(false);
  });
});
