import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const SEALED_PREFIX = 'v1.';

/**
 * TOTP secrets at rest: sealed with AES-256-GCM under TOTP_ENCRYPTION_KEY, so a copy of the database (a backup, a
 * replica, a dump handed to support) does not carry working second factors. The person's id is the associated data,
 * so a sealed secret copied onto another person's row does not open. Without a key, secrets are stored as they are.
 */
export class TotpSecretBox {
  private readonly key: Buffer | null;

  /** `key`: TOTP_ENCRYPTION_KEY, 32 bytes in base64. */
  constructor(key: string | undefined) {
    this.key = key ? Buffer.from(key, 'base64') : null;
  }

  seal(userId: string, secret: string): string {
    if (!this.key) return secret;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(userId));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
  }

  /** True for a secret stored before the key was set: the caller seals it once it has been used. */
  isUnsealed(stored: string): boolean {
    return this.key !== null && !stored.startsWith(SEALED_PREFIX);
  }

  /** The secret, or null when it cannot be read here (sealed under another key, or no key configured). */
  open(userId: string, stored: string): string | null {
    // A base32 secret has no dots: one stored before the key was set still works, and is sealed at its next good code.
    if (!stored.startsWith(SEALED_PREFIX)) return stored;
    if (!this.key) return null;
    const [iv, sealed, tag] = stored
      .slice(SEALED_PREFIX.length)
      .split('.')
      .map((part) => Buffer.from(part, 'base64url'));
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(userId)).setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
