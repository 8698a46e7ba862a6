import { validateEnvironment } from '../config/environment';
import { retryDelayMs } from './mail-transport';
import { DEFAULT_DELIVERY, preferencesWithDefaults } from './notification-kinds';

describe('mail retries', () => {
  it('doubles the delay from the base after each refusal, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, 1000, 10_000))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect(retryDelayMs(500, 1000, 60_000)).toBe(60_000);
  });
});

describe('notification preferences', () => {
  it('fills what a person has not chosen with the defaults: assignments in the digest, the rest at once', () => {
    expect(preferencesWithDefaults(undefined)).toEqual({ kinds: DEFAULT_DELIVERY, digestHour: 8 });
    expect(DEFAULT_DELIVERY.assigned).toBe('digest');
    expect(DEFAULT_DELIVERY.mentioned).toBe('immediately');
    expect(DEFAULT_DELIVERY.second_opinion_requested).toBe('immediately');
  });

  it('keeps a stored choice and ignores one that is no longer a choice', () => {
    const kept = preferencesWithDefaults({ kinds: { mentioned: 'off', returned: 'sometimes' }, digestHour: 17 });
    expect(kept.kinds.mentioned).toBe('off');
    expect(kept.kinds.returned).toBe('immediately');
    expect(kept.digestHour).toBe(17);
  });
});

describe('mail settings', () => {
  it('takes smtp:// and smtps:// addresses, refuses others, and hides a password in the error', () => {
    expect(validateEnvironment({ SMTP_URL: 'smtp://127.0.0.1:2525' }).SMTP_URL).toBe('smtp://127.0.0.1:2525');
    expect(validateEnvironment({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    expect(() => validateEnvironment({ SMTP_URL: 'http://user:hunter2@mail.example.org' })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL \(got "http:\/\/user:\*\*\*@mail\.example\.org\/"\)/,
    );
  });
});
