/**
 * Whether an ID token's `amr` (RFC 8176 authentication method references) says the provider checked more than one
 * factor: `mfa` itself (Entra ID, Okta), or two different methods (`pwd` and `otp`, say). A single method, or no
 * `amr` at all (Google sends none), is one factor: the desk's own code is still asked.
 */
export function providerCheckedSeveralFactors(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  const methods = new Set(amr.filter((method): method is string => typeof method === 'string' && method.length > 0));
  return methods.has('mfa') || methods.size >= 2;
}
