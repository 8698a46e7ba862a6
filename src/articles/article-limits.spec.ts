import { readFileSync } from 'fs';
import { DEMO_ARTICLE_PATH } from '../common/repo-paths';
import { splitSentences } from '../extraction/lib/sentence-splitter';
import { estimateSentences } from './article-limits';

describe('estimateSentences', () => {
  it('counts sentence ends and lines, and a last fragment without a full stop', () => {
    expect(estimateSentences('')).toBe(0);
    expect(estimateSentences('Headline without a stop\n\nOne. Two! Three? “Four.” And five')).toBe(6);
    expect(estimateSentences("Wait...what? 3.5 percent.') “Yes!”)")).toBe(3);
  });

  it('reads a line of a million dots as one sentence', () => {
    expect(estimateSentences(`${'.'.repeat(1_000_000)}x`)).toBe(1);
    expect(estimateSentences(`x${'. '.repeat(500_000)}`)).toBe(500_000);
  });

  it('never counts fewer sentences than the extractor finds', () => {
    const body = readFileSync(DEMO_ARTICLE_PATH, 'utf8');
    const run = 'The rate rose 3.5 percent in 2023. Officials said so, i.e. the U.S. did. '.repeat(40);

    for (const text of [body, run]) expect(estimateSentences(text)).toBeGreaterThanOrEqual(splitSentences(text).length);
  });
});
