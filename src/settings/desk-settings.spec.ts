import { needsSecondOpinion, scaleProblem } from './desk-settings';

const step = (key: string, ratingValue: number) => ({ key, label: key, ratingValue });

describe('the desk’s rating scale', () => {
  it('accepts 2 to 20 unique slug-like keys with integer values', () => {
    expect(scaleProblem([step('true', 2), step('false', 1)])).toBeNull();
  });

  it('names what is wrong with a scale', () => {
    expect(scaleProblem([step('true', 1)])?.code).toBe('invalid_rating_scale');
    expect(scaleProblem(Array.from({ length: 21 }, (_, i) => step(`r${i}`, i)))?.code).toBe('invalid_rating_scale');
    expect(scaleProblem([step('True', 1), step('false', 0)])?.code).toBe('invalid_rating_key');
    expect(scaleProblem([step('a--b', 1), step('false', 0)])?.code).toBe('invalid_rating_key');
    expect(scaleProblem([step('same', 1), step('same', 0)])?.code).toBe('duplicate_rating_key');
    expect(scaleProblem([step('half', 0.5), step('false', 0)])?.code).toBe('invalid_rating_value');
  });
});

describe('the second opinion’s scope', () => {
  const settings = { enabled: true, minCheckworthiness: 0.5, statuses: ['disputed' as const] };

  it('takes verdicts of the statuses named on claims at least as check-worthy as the minimum', () => {
    expect(needsSecondOpinion(settings, 'disputed', 0.5)).toBe(true);
    expect(needsSecondOpinion(settings, 'disputed', 0.49)).toBe(false);
    expect(needsSecondOpinion(settings, 'sourced', 0.9)).toBe(false);
    expect(needsSecondOpinion({ ...settings, enabled: false }, 'disputed', 0.9)).toBe(false);
  });
});
