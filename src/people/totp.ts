import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
/** One step either side: a phone clock off by up to 30 s, or a code typed as it turned over, still works. */
export const TOTP_WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secret: string, label = 'claimdesk'): TOTP {
  return new TOTP({
    issuer: 'claimdesk',
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
  });
}

/** What an authenticator app scans (as a QR code) or is given by hand. */
export function totpUri(secret: string, email: string): string {
  return totpOf(secret, email).toString();
}

/** For tests and the demo: the code of a moment. */
export function totpCode(secret: string, at: Date = new Date()): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

/**
 * The time step a code is valid for, within the window, or null. A step at or before `lastStep` is refused, so a
 * code seen over a shoulder cannot be used again.
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  lastStep: number | null,
  at: Date = new Date(),
): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: at.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}
