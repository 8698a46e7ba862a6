import { parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe('Idempotency-Key', () => {
  it('takes the key as an sf-string or a bare token', () => {
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('abc')).toBe('abc');
  });

  it('refuses empty, spaced, over-long or repeated keys', () => {
    expect(parseIdempotencyKey('""')).toBeNull();
    expect(parseIdempotencyKey('a b')).toBeNull();
    expect(parseIdempotencyKey('x'.repeat(256))).toBeNull();
    expect(parseIdempotencyKey(['a', 'b'])).toBeNull();
  });

  it('fingerprints the same JSON alike whatever the key order, and a different body or path differently', () => {
    const a = requestFingerprint('post', '/articles', { title: 't', body: 'b', topics: ['x', 'y'] });
    expect(requestFingerprint('POST', '/articles', { topics: ['x', 'y'], body: 'b', title: 't' })).toBe(a);
    expect(requestFingerprint('POST', '/articles', { title: 't', body: 'c', topics: ['x', 'y'] })).not.toBe(a);
    expect(requestFingerprint('POST', '/articles', { title: 't', body: 'b', topics: ['y', 'x'] })).not.toBe(a);
    expect(requestFingerprint('POST', '/other', { title: 't', body: 'b', topics: ['x', 'y'] })).not.toBe(a);
  });
});
