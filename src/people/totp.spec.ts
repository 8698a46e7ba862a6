import { acceptedTotpStep, newTotpSecret, totpCode, totpUri } from './totp';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-12-01T12:00:10Z');

  it('accepts the current code and those one 30-second step either side, not two', () => {
    const step = Math.floor(now.getTime() / 30_000);
    expect(acceptedTotpStep(secret, totpCode(secret, now), null, now)).toBe(step);
    expect(acceptedTotpStep(secret, totpCode(secret, new Date(now.getTime() - 30_000)), null, now)).toBe(step - 1);
    expect(acceptedTotpStep(secret, totpCode(secret, new Date(now.getTime() + 30_000)), null, now)).toBe(step + 1);
    expect(acceptedTotpStep(secret, totpCode(secret, new Date(now.getTime() - 60_000)), null, now)).toBeNull();
    expect(acceptedTotpStep(secret, totpCode(secret, new Date(now.getTime() + 60_000)), null, now)).toBeNull();
  });

  it('refuses a code used before (its step or an earlier one) and anything not six digits', () => {
    const step = acceptedTotpStep(secret, totpCode(secret, now), null, now)!;
    expect(acceptedTotpStep(secret, totpCode(secret, now), step, now)).toBeNull();
    expect(acceptedTotpStep(secret, 'abcdef', null, now)).toBeNull();
    expect(acceptedTotpStep(secret, '12345', null, now)).toBeNull();
  });

  it('names the issuer and the person in the URI an app scans', () => {
    expect(totpUri(secret, 'ada@example.org')).toMatch(
      /^otpauth:\/\/totp\/claimdesk:ada%40example\.org\?issuer=claimdesk&secret=[A-Z2-7]+/,
    );
  });
});
