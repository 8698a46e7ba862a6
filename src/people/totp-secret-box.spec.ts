import { randomBytes } from 'node:crypto';
import { TotpSecretBox } from './totp-secret-box';

const boxWith = (key?: string) => new TotpSecretBox(key);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ALICE = '7c0f3c1e-9d7a-4b8e-9f51-2b1f8d6c0a11';
const BOB = '0b5d2a77-31c4-4f0e-8e2a-6f7d9c1b3e22';

describe('TotpSecretBox', () => {
  const key = randomBytes(32).toString('base64');

  it('seals a secret so the stored form does not contain it, and opens it again for the same person', () => {
    const box = boxWith(key);
    const stored = box.seal(ALICE, SECRET);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(SECRET);
    expect(box.open(ALICE, stored)).toBe(SECRET);
    expect(box.seal(ALICE, SECRET)).not.toBe(stored);
  });

  it('does not open a sealed secret for another person, under another key, tampered, or without a key', () => {
    const stored = boxWith(key).seal(ALICE, SECRET);
    expect(boxWith(key).open(BOB, stored)).toBeNull();
    expect(boxWith(randomBytes(32).toString('base64')).open(ALICE, stored)).toBeNull();
    const [prefix, iv, sealed, tag] = stored.split('.');
    const flipped = Buffer.from(sealed, 'base64url');
    flipped[0] ^= 1;
    expect(boxWith(key).open(ALICE, [prefix, iv, flipped.toString('base64url'), tag].join('.'))).toBeNull();
    expect(boxWith(undefined).open(ALICE, stored)).toBeNull();
  });

  it('reads a secret stored before the key was set, and says it still needs sealing', () => {
    expect(boxWith(key).open(ALICE, SECRET)).toBe(SECRET);
    expect(boxWith(key).isUnsealed(SECRET)).toBe(true);
    expect(boxWith(key).isUnsealed(boxWith(key).seal(ALICE, SECRET))).toBe(false);
    expect(boxWith(undefined).isUnsealed(SECRET)).toBe(false);
    expect(boxWith(undefined).seal(ALICE, SECRET)).toBe(SECRET);
  });
});
