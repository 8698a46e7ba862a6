import { readFileSync } from 'node:fs';
import { COMMON_PASSWORDS_PATH } from '../common/repo-paths';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | null = null;

/** The 49,233 most common passwords (data/README.md), lower-cased; read once, on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(readFileSync(COMMON_PASSWORDS_PATH, 'utf8').split('\n').filter(Boolean));
  return common;
}

/** Why a new password is refused, or null. Length counts characters (code points), not bytes. */
export function passwordProblem(password: string, person: { email: string }): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters, please`;
  if (length > MAX_PASSWORD_LENGTH) return `at most ${MAX_PASSWORD_LENGTH} characters, please`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'that password is one of the most common ones; choose another';
  if (new Set(lower).size < 4) return 'that password repeats too few characters; choose another';
  const localPart = person.email.toLowerCase().split('@')[0];
  if (localPart.length >= 4 && lower.includes(localPart)) return 'a password must not contain your email address';
  return null;
}
