import { tokenMatches } from './metrics-token';

describe('tokenMatches', () => {
  it('accepts the token itself only', () => {
    expect(tokenMatches('s3cret-metrics-token', 's3cret-metrics-token')).toBe(true);
    expect(tokenMatches('s3cret-metrics-tokeN', 's3cret-metrics-token')).toBe(false);
    expect(tokenMatches('s3cret', 's3cret-metrics-token')).toBe(false);
    expect(tokenMatches('', 's3cret-metrics-token')).toBe(false);
  });
});
