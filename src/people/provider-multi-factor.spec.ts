import { providerCheckedSeveralFactors } from './provider-multi-factor';

describe('providerCheckedSeveralFactors', () => {
  it('takes mfa, or two different methods, as the provider having checked a second factor', () => {
    expect(providerCheckedSeveralFactors(['pwd', 'mfa'])).toBe(true);
    expect(providerCheckedSeveralFactors(['mfa'])).toBe(true);
    expect(providerCheckedSeveralFactors(['pwd', 'otp'])).toBe(true);
    expect(providerCheckedSeveralFactors(['hwk', 'pin'])).toBe(true);
  });

  it('takes one method, a repeated one, nothing or a malformed claim as one factor', () => {
    expect(providerCheckedSeveralFactors(['pwd'])).toBe(false);
    expect(providerCheckedSeveralFactors(['pwd', 'pwd'])).toBe(false);
    expect(providerCheckedSeveralFactors([])).toBe(false);
    expect(providerCheckedSeveralFactors(undefined)).toBe(false);
    expect(providerCheckedSeveralFactors('mfa')).toBe(false);
    expect(providerCheckedSeveralFactors(['pwd', 7, ''])).toBe(false);
  });
});
